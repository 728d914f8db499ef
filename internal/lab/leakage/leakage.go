// Package leakage is the lab where the learner makes a pipeline honest: three switches (where
// the preprocessing is fitted, a feature computed from the label, a random or time-ordered
// split) change the validation estimate, shown beside the score the model really gets on a
// later period nobody touched.
package leakage

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/aieng/aieng/internal/lab/kind"
)

// Def is the leakage kind.
var Def = &kind.Def{
	Name: "leakage",
	Summary: "Make a pipeline honest: find the switches that inflate the validation estimate " +
		"above the score on a later, untouched period.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "samples", Type: kind.Int, Default: 10000, Min: 500, Max: 30000, Doc: "history rows, split into training and validation"},
		{Name: "later_rows", Type: kind.Int, Default: 6000, Min: 200, Max: 30000, Doc: "rows in the later period the shipped model is scored on; it spans as much time as the validation quarter"},
		{Name: "merchants", Type: kind.Int, Default: 600, Min: 10, Max: 5000, Doc: "categories encoded by their label rate (more of them, fewer rows each: more leakage)"},
		{Name: "drift", Type: kind.Float, Default: 1.5, Min: 0, Max: 3, Doc: "how fast the rule linking features to the label changes over time"},
	},
	Knobs: []kind.Knob{
		{Name: "fit_on", Label: "fit on", Doc: "rows the scaler and the merchant encoder are fitted on",
			Positions: []string{"training rows", "all rows"}, Start: 1},
		{Name: "label_feature", Label: "refund flag", Doc: "a feature filed after the outcome, so computed from the label",
			Positions: []string{"left out", "used"}, Start: 1},
		{Name: "split", Label: "split", Doc: "how validation rows are held out of history",
			Positions: []string{"by time", "random"}, Start: 1},
	},
	Metrics: []kind.Metric{
		{Name: "estimate", Label: "validation AUC", Doc: "validation AUC: what the pipeline promises", Min: 0, Max: 1},
		{Name: "later", Label: "later AUC", Doc: "AUC on the later, untouched period: what it delivers", Min: 0, Max: 1},
		{Name: "gap", Label: "AUC gap", Doc: "estimate minus later", Min: -1, Max: 1},
	},
	DefaultGoal: "gap <= 0.025 and gap >= -0.025",
	Open:        open,
}

// windows is how many parts of the later period the chart shows.
const windows = 6

// lab is an open leakage lab. The pipeline it starts with is measured when it opens; the
// other seven and the second shipped model are measured right after, in the background, so
// that flipping a switch only redraws (it waits only if flipped within the first moments).
type lab struct {
	history, later []row
	p              pipeline

	mu        sync.Mutex
	estimates map[pipeline]float64
	shipped   map[bool]shippedResult
	err       error
	done      chan struct{} // closed once every model is measured
}

// shippedResult is the shipped model's AUC on the later period, overall and by window.
type shippedResult struct {
	total    float64
	byWindow []float64
}

func open(p kind.Params) (kind.Experiment, error) {
	seed := uint64(p.Int("seed"))
	w := newWorld(seed, p.Int("merchants"), p.Float("drift"))
	l := &lab{estimates: map[pipeline]float64{}, shipped: map[bool]shippedResult{}, done: make(chan struct{})}
	l.history = w.rows(p.Int("samples"), 0, 1)
	l.later = w.rows(p.Int("later_rows"), 1, 1+validShare)
	l.p = pipeline{fitOnAll: p.String("fit_on") == "all rows", labelFeature: p.String("label_feature") == "used", randomSplit: p.String("split") == "random"}
	first, rest := l.jobs(seed)
	if err := runJobs(first); err != nil {
		return nil, err
	}
	go l.background(rest)
	return l, nil
}

// background fits the pipelines the starting one does not need. Its failure, a panic included,
// is the lab's error (Err), which the lab's screen shows.
func (l *lab) background(jobs []func() error) {
	var err error
	defer func() {
		l.mu.Lock()
		l.err = err
		l.mu.Unlock()
		close(l.done)
	}()
	defer kind.Recover(&err, "training the pipelines")
	err = runJobs(jobs)
}

// jobs lists the ten model fits: first those the starting pipeline needs, then the rest.
func (l *lab) jobs(seed uint64) (first, rest []func() error) {
	add := func(needed bool, j func() error) {
		if needed {
			first = append(first, j)
		} else {
			rest = append(rest, j)
		}
	}
	for c := range 8 {
		pl := pipeline{fitOnAll: c&1 == 1, labelFeature: c&2 == 2, randomSplit: c&4 == 4}
		add(pl == l.p, func() error {
			est, err := estimate(pl, l.history, seed)
			l.mu.Lock()
			l.estimates[pl] = est
			l.mu.Unlock()
			return err
		})
	}
	for _, flag := range []bool{false, true} {
		add(flag == l.p.labelFeature, func() error {
			total, byWindow, err := shipped(flag, l.history, l.later, windows)
			l.mu.Lock()
			l.shipped[flag] = shippedResult{total: total, byWindow: byWindow}
			l.mu.Unlock()
			return err
		})
	}
	return first, rest
}

// runJobs runs jobs on as many goroutines as there are processors and returns the first error.
func runJobs(jobs []func() error) error {
	errs := make(chan error, len(jobs))
	queue := make(chan func() error)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				errs <- runJob(j)
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return fmt.Errorf("training the pipelines: %w", err)
		}
	}
	return nil
}

// runJob runs one fit on a worker of runJobs: a panic in it is its error.
func runJob(j func() error) (err error) {
	defer kind.Recover(&err, "a model fit")
	return j()
}

// result is what the current pipeline measured, waiting for the background fits if need be.
func (l *lab) result() (float64, shippedResult, error) {
	l.mu.Lock()
	est, ok1 := l.estimates[l.p]
	sh, ok2 := l.shipped[l.p.labelFeature]
	l.mu.Unlock()
	if ok1 && ok2 {
		return est, sh, nil
	}
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.estimates[l.p], l.shipped[l.p.labelFeature], l.err
}

// Ready is closed once the background fits are done.
func (l *lab) Ready() <-chan struct{} { return l.done }

// Err is the background fits' failure once they are done; nil before.
func (l *lab) Err() error {
	select {
	case <-l.done:
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.err
	default:
		return nil
	}
}

func (l *lab) Knobs() []kind.Knob { return Def.Knobs }

func (l *lab) Set(knob string, v float64) {
	on := v == 1
	switch knob {
	case "fit_on":
		l.p.fitOnAll = on
	case "label_feature":
		l.p.labelFeature = on
	case "split":
		l.p.randomSplit = on
	}
}

func (l *lab) Values() map[string]float64 {
	est, sh, _ := l.result()
	later := sh.total
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	return map[string]float64{
		"estimate": est, "later": later, "gap": est - later,
		"fit_on": b(l.p.fitOnAll), "label_feature": b(l.p.labelFeature), "split": b(l.p.randomSplit),
	}
}
