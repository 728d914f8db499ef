package serving

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// config is one simulation's setting.
type config struct {
	replicas, batch int
}

// workload is the fixed part of the simulation: the arrival times (the same for every
// setting, so settings are compared on the same traffic) and the service-time model.
type workload struct {
	arrivals  []float64 // seconds, ascending
	duration  float64
	baseMS    float64 // a batch's fixed cost
	perItemMS float64 // its cost per request
	jitter    float64 // σ of the log-normal factor on each batch's time
	seed      uint64
}

// newWorkload draws Poisson arrivals at rate per second for duration seconds.
func newWorkload(rng *rand.Rand, rate, duration float64) []float64 {
	gap := distuv.Exponential{Rate: rate, Src: rng}
	var out []float64
	for t := gap.Rand(); t < duration; t += gap.Rand() {
		out = append(out, t)
	}
	return out
}

// outcome is what one simulation measured.
type outcome struct {
	mean          float64 // latency, milliseconds
	p50, p95, p99 float64
	throughput    float64 // requests completed per second within the simulated time
	utilisation   float64 // share of replica time spent serving
	meanBatch     float64
	windowP95     []float64 // p95 latency of the requests arriving in each second
	windowDone    []float64 // requests completed in each second
}

// simulate runs the queue: requests wait in one FIFO queue; whenever a replica is free it
// takes up to batch waiting requests (it does not wait for a batch to fill) and serves them
// together in base + perItem·size milliseconds times a log-normal jitter. It is a
// discrete-event simulation stepped by the earliest free replica.
func (w *workload) simulate(c config) outcome {
	jitter := distuv.LogNormal{Mu: 0, Sigma: w.jitter, Src: rand.New(rand.NewPCG(w.seed, 0x5e7f1ce))}
	free := make([]float64, c.replicas)
	latency := make([]float64, len(w.arrivals))
	done := make([]float64, len(w.arrivals))
	busy, batches := 0.0, 0
	for head := 0; head < len(w.arrivals); {
		r := earliest(free)
		start := math.Max(free[r], w.arrivals[head])
		end := head + 1
		for end < len(w.arrivals) && end-head < c.batch && w.arrivals[end] <= start {
			end++
		}
		service := (w.baseMS + w.perItemMS*float64(end-head)) * jitter.Rand() / 1000
		finish := start + service
		for i := head; i < end; i++ {
			latency[i] = (finish - w.arrivals[i]) * 1000
			done[i] = finish
		}
		free[r], busy, batches, head = finish, busy+service, batches+1, end
	}
	return w.summarise(c, latency, done, busy, batches)
}

func earliest(free []float64) int {
	best := 0
	for i, f := range free {
		if f < free[best] {
			best = i
		}
	}
	return best
}

func (w *workload) summarise(c config, latency, done []float64, busy float64, batches int) outcome {
	sorted := append([]float64(nil), latency...)
	sort.Float64s(sorted)
	o := outcome{
		mean: stat.Mean(latency, nil),
		p50:  stat.Quantile(0.5, stat.Empirical, sorted, nil),
		p95:  stat.Quantile(0.95, stat.Empirical, sorted, nil),
		p99:  stat.Quantile(0.99, stat.Empirical, sorted, nil),
	}
	seconds := int(math.Ceil(w.duration))
	byArrival := make([][]float64, seconds)
	o.windowDone = make([]float64, seconds)
	completed := 0
	for i, a := range w.arrivals {
		byArrival[int(a)] = append(byArrival[int(a)], latency[i])
		if done[i] < w.duration {
			completed++
			o.windowDone[int(done[i])]++
		}
	}
	for _, l := range byArrival {
		p := math.NaN()
		if len(l) > 0 {
			sort.Float64s(l)
			p = stat.Quantile(0.95, stat.Empirical, l, nil)
		}
		o.windowP95 = append(o.windowP95, p)
	}
	o.throughput = float64(completed) / w.duration
	o.utilisation = math.Min(1, busy/(float64(c.replicas)*w.duration))
	o.meanBatch = float64(len(latency)) / float64(max(batches, 1))
	return o
}
