package serving

import (
	"math"
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/ml"
)

func TestReproducibleForASeed(t *testing.T) {
	// Seed 1, defaults: 200 requests/s for 60 s, 8 replicas, batches of 1.
	labtest.Expect(t, labtest.Open(t, Def, nil).Values(), map[string]float64{
		"replicas": 8, "batch": 1, "p50_ms": 26.137379552443107, "p95_ms": 43.176608754464496,
		"p99_ms": 53.239926404209825, "throughput": 200.25, "utilisation": 0.6555083543925754, "mean_batch": 1,
	})
	a := labtest.Open(t, Def, map[string]any{"seed": 1}).Values()
	b := labtest.Open(t, Def, map[string]any{"seed": 2}).Values()
	if !labtest.Differs(a, b, "p50_ms", "p95_ms", "throughput") {
		t.Errorf("seeds 1 and 2 give the same numbers: %v", a)
	}
}

func TestByHand(t *testing.T) {
	// One replica, batches of up to 2, 10 ms a batch whatever its size, no jitter. Requests at
	// 0, 1 and 2 ms: the first is served alone (nothing else waits at 0) from 0 to 10 ms; the
	// other two then go together from 10 to 20 ms. Latencies: 10, 19 and 18 ms.
	w := &workload{arrivals: []float64{0, 0.001, 0.002}, duration: 1, baseMS: 10, seed: 1}
	o := w.simulate(config{replicas: 1, batch: 2})
	if math.Abs(o.mean-(10+19+18)/3.0) > 1e-9 || math.Abs(o.meanBatch-1.5) > 1e-12 {
		t.Errorf("mean latency %v, mean batch %v", o.mean, o.meanBatch)
	}
	// Two replicas take the first two requests at once; the third waits for the first free.
	o = w.simulate(config{replicas: 2, batch: 1})
	if math.Abs(o.mean-(10+10+18)/3.0) > 1e-9 {
		t.Errorf("two replicas: mean latency %v, want %v", o.mean, (10+10+18)/3.0)
	}
}

// TestMatchesQueueingTheory checks the simulator against the M/D/1 queue: Poisson arrivals
// at λ, a fixed service time 1/μ, one server. Its mean wait is ρ/(2μ(1−ρ)) with ρ = λ/μ
// (the Pollaczek-Khinchine formula); at λ = 50/s and 10 ms, ρ = 0.5, the wait is 5 ms and the
// mean latency 15 ms.
func TestMatchesQueueingTheory(t *testing.T) {
	rng := ml.NewRand(7)
	w := &workload{arrivals: newWorkload(rng, 50, 4000), duration: 4000, baseMS: 5, perItemMS: 5, seed: 7}
	o := w.simulate(config{replicas: 1, batch: 1})
	if math.Abs(o.mean-15) > 0.3 {
		t.Errorf("M/D/1 mean latency %v ms, theory 15 ms", o.mean)
	}
	if math.Abs(o.utilisation-0.5) > 0.01 || math.Abs(o.throughput-50) > 0.5 {
		t.Errorf("utilisation %v, throughput %v", o.utilisation, o.throughput)
	}
}

func TestReplicasAndBatching(t *testing.T) {
	l := labtest.Open(t, Def, nil)
	prev := math.Inf(1)
	for r := 4; r <= 10; r++ {
		l.Set("replicas", float64(r))
		if p := l.Values()["p95_ms"]; p > prev {
			t.Errorf("%d replicas: p95 %v rose from %v", r, p, prev)
		} else {
			prev = p
		}
	}
	// Two replicas cannot keep up one request at a time (each serves 40/s at 25 ms) but can
	// with batches of 8 (8 in 60 ms: 133/s each): the goal's setting.
	l.Set("replicas", 2)
	l.Set("batch", 1)
	slow := l.Values()
	l.Set("batch", 8)
	fast := l.Values()
	if slow["p95_ms"] < 10000 || fast["p95_ms"] > 200 || fast["throughput"] < 195 || slow["throughput"] > 100 {
		t.Errorf("batch 1: %v\nbatch 8: %v", slow, fast)
	}
}
