package leakage

import (
	"math/rand/v2"

	"github.com/aieng/aieng/internal/lab/ml"
)

// pipeline is one setting of the three switches.
type pipeline struct {
	fitOnAll     bool // fit the scaler and the merchant encoder on every history row, validation rows included
	labelFeature bool // use the refund flag, which is only known after the label
	randomSplit  bool // split history at random rather than by time
}

// encoderSmoothing pulls a rare merchant's encoded risk towards the overall rate, counting the
// overall rate as this many rows.
const encoderSmoothing = 10

// features turns rows into model inputs: x₁, x₂, the merchant's encoded label rate and, when
// used, the refund flag (always 0 in the later period: at prediction time nobody knows it yet).
type features struct {
	rate  map[int]float64
	prior float64
	scale *ml.Scaler
	label bool
}

func fitFeatures(rows []row, label bool) *features {
	f := &features{rate: map[int]float64{}, label: label}
	sum, n := map[int]float64{}, map[int]float64{}
	pos := 0.0
	for _, r := range rows {
		n[r.merchant]++
		if r.y {
			sum[r.merchant]++
			pos++
		}
	}
	f.prior = pos / float64(len(rows))
	for m, c := range n {
		f.rate[m] = (sum[m] + encoderSmoothing*f.prior) / (c + encoderSmoothing)
	}
	f.scale = ml.FitScaler(f.raw(rows, false))
	return f
}

func (f *features) raw(rows []row, production bool) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		enc, ok := f.rate[r.merchant]
		if !ok {
			enc = f.prior
		}
		v := []float64{r.x1, r.x2, enc}
		if f.label {
			refund := 0.0
			if r.refund && !production {
				refund = 1
			}
			v = append(v, refund)
		}
		out[i] = v
	}
	return out
}

func (f *features) transform(rows []row, production bool) [][]float64 {
	return f.scale.Transform(f.raw(rows, production))
}

// estimate is the validation AUC of the model the pipeline fits on its training split.
func estimate(p pipeline, history []row, seed uint64) (float64, error) {
	train, valid := split(history, p.randomSplit, seed)
	fitRows := train
	if p.fitOnAll {
		fitRows = history
	}
	f := fitFeatures(fitRows, p.labelFeature)
	model, err := ml.FitLogistic(f.transform(train, false), labels(train), 1)
	if err != nil {
		return 0, err
	}
	return ml.AUC(model.Probs(f.transform(valid, false)), labels(valid)), nil
}

// shipped scores, on the later period, the model the team ships once the estimate looks good:
// the same pipeline refitted on all of history. Only the refund flag changes it: the split
// and where the preprocessing is fitted only decide how the estimate was made.
func shipped(labelFeature bool, history, later []row, windows int) (total float64, byWindow []float64, err error) {
	f := fitFeatures(history, labelFeature)
	model, err := ml.FitLogistic(f.transform(history, false), labels(history), 1)
	if err != nil {
		return 0, nil, err
	}
	scores := model.Probs(f.transform(later, true))
	y := labels(later)
	size := len(later) / windows
	for w := range windows {
		byWindow = append(byWindow, ml.AUC(scores[w*size:(w+1)*size], y[w*size:(w+1)*size]))
	}
	return ml.AUC(scores, y), byWindow, nil
}

// validShare is the share of history held out for validation.
const validShare = 0.25

// split holds out the last quarter of history by time, or a random quarter.
func split(history []row, random bool, seed uint64) (train, valid []row) {
	n := len(history)
	cut := n - int(float64(n)*validShare)
	if !random {
		return history[:cut], history[cut:]
	}
	perm := rand.New(rand.NewPCG(seed, 0x5b117)).Perm(n)
	for i, j := range perm {
		if i < cut {
			train = append(train, history[j])
		} else {
			valid = append(valid, history[j])
		}
	}
	return train, valid
}

func labels(rows []row) []bool {
	out := make([]bool, len(rows))
	for i, r := range rows {
		out[i] = r.y
	}
	return out
}
