// Package serving is the lab where the learner sizes a model server: a discrete-event
// simulation of requests queueing for replicas that serve them in batches; the goal is a p95
// latency under the SLO with as few replicas as possible.
package serving

import (
	"fmt"

	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/ml"
)

// Def is the serving kind.
var Def = &kind.Def{
	Name: "serving",
	Summary: "Size a model server: replicas and batch size against p50/p95 latency and " +
		"throughput, simulated request by request.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "rate", Type: kind.Float, Default: 200, Min: 1, Max: 20000, Doc: "requests arriving per second (Poisson)"},
		{Name: "duration", Type: kind.Int, Default: 60, Min: 5, Max: 600, Doc: "seconds of traffic simulated"},
		{Name: "base_ms", Type: kind.Float, Default: 20, Min: 0, Max: 10000, Doc: "time a batch takes whatever its size (loading, overhead), in ms"},
		{Name: "per_item_ms", Type: kind.Float, Default: 5, Min: 0.01, Max: 10000, Doc: "time each request adds to its batch, in ms"},
		{Name: "jitter", Type: kind.Float, Default: 0.3, Min: 0, Max: 2, Doc: "spread of service times: σ of a log-normal factor"},
		{Name: "slo_ms", Type: kind.Float, Default: 200, Min: 1, Max: 100000, Doc: "the latency objective drawn on the chart (the goal states the real target)"},
		{Name: "max_replicas", Type: kind.Int, Default: 12, Min: 1, Max: 64, Doc: "the most replicas the knob reaches"},
		{Name: "max_batch", Type: kind.Int, Default: 32, Min: 1, Max: 256, Doc: "the largest batch the knob reaches"},
	},
	Knobs: []kind.Knob{
		{Name: "replicas", Label: "replicas", Doc: "model servers taking requests from the queue", Min: 1, Max: 64, Step: 1, Start: 8},
		{Name: "batch", Label: "max batch", Doc: "the most requests a replica serves at once", Min: 1, Max: 256, Step: 1, Start: 1},
	},
	Metrics: []kind.Metric{
		{Name: "mean_ms", Label: "mean latency (ms)", Doc: "mean latency, ms", Min: 0, Max: 1e9},
		{Name: "p50_ms", Label: "median latency (ms)", Doc: "median latency, ms", Min: 0, Max: 1e9},
		{Name: "p95_ms", Label: "p95 latency (ms)", Doc: "95th-percentile latency, ms", Min: 0, Max: 1e9},
		{Name: "p99_ms", Label: "p99 latency (ms)", Doc: "99th-percentile latency, ms", Min: 0, Max: 1e9},
		{Name: "throughput", Label: "throughput (req/s)", Doc: "requests completed per second", Min: 0, Max: 1e9},
		{Name: "utilisation", Label: "replica utilisation", Doc: "share of replica time spent serving", Min: 0, Max: 1},
		{Name: "mean_batch", Label: "mean batch size", Doc: "requests per batch on average", Min: 1, Max: 256},
	},
	DefaultGoal: "p95_ms <= 200 and replicas <= 2",
	Check:       check,
	Open:        open,
}

func check(p kind.Params) []kind.Issue {
	var out []kind.Issue
	if p.Int("replicas") > p.Int("max_replicas") {
		out = append(out, kind.Issue{Param: "replicas", Message: fmt.Sprintf("replicas %d is more than max_replicas %d", p.Int("replicas"), p.Int("max_replicas"))})
	}
	if p.Int("batch") > p.Int("max_batch") {
		out = append(out, kind.Issue{Param: "batch", Message: fmt.Sprintf("batch %d is more than max_batch %d", p.Int("batch"), p.Int("max_batch"))})
	}
	return out
}

// lab is an open serving lab; a setting is simulated the first time it is set.
type lab struct {
	w          *workload
	rate, slo  float64
	maxR, maxB int
	cfg        config
	results    map[config]outcome
}

func open(p kind.Params) (kind.Experiment, error) {
	rng := ml.NewRand(uint64(p.Int("seed")))
	w := &workload{
		arrivals: newWorkload(rng, p.Float("rate"), float64(p.Int("duration"))),
		duration: float64(p.Int("duration")), baseMS: p.Float("base_ms"), perItemMS: p.Float("per_item_ms"),
		jitter: p.Float("jitter"), seed: uint64(p.Int("seed")),
	}
	if len(w.arrivals) == 0 {
		return nil, fmt.Errorf("no request arrives in %d s at rate %g: raise rate or duration", p.Int("duration"), p.Float("rate"))
	}
	l := &lab{w: w, rate: p.Float("rate"), slo: p.Float("slo_ms"), maxR: p.Int("max_replicas"), maxB: p.Int("max_batch"), results: map[config]outcome{}}
	l.cfg = config{replicas: min(p.Int("replicas"), l.maxR), batch: min(p.Int("batch"), l.maxB)}
	return l, nil
}

func (l *lab) outcome() outcome {
	if o, ok := l.results[l.cfg]; ok {
		return o
	}
	o := l.w.simulate(l.cfg)
	l.results[l.cfg] = o
	return o
}

func (l *lab) Knobs() []kind.Knob {
	r, b := Def.Knobs[0], Def.Knobs[1]
	r.Max, b.Max = float64(l.maxR), float64(l.maxB)
	r.Start, b.Start = min(r.Start, r.Max), min(b.Start, b.Max)
	return []kind.Knob{r, b}
}

func (l *lab) Set(knob string, v float64) {
	switch knob {
	case "replicas":
		l.cfg.replicas = int(v)
	case "batch":
		l.cfg.batch = int(v)
	}
}

func (l *lab) Values() map[string]float64 {
	o := l.outcome()
	return map[string]float64{
		"replicas": float64(l.cfg.replicas), "batch": float64(l.cfg.batch),
		"mean_ms": o.mean, "p50_ms": o.p50, "p95_ms": o.p95, "p99_ms": o.p99,
		"throughput": o.throughput, "utilisation": o.utilisation, "mean_batch": o.meanBatch,
	}
}
