package ml

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// Logistic is a fitted logistic-regression model: P(y=1|x) = σ(w·x + b).
type Logistic struct {
	Weights []float64
	Bias    float64
}

// FitLogistic fits a logistic regression to rows x and labels y by minimising
// ½‖w‖² + C·Σ log-loss with gonum's L-BFGS: the objective of scikit-learn's
// LogisticRegression(C=c) (the bias is not penalised), so its results can be checked there.
func FitLogistic(x [][]float64, y []bool, c float64) (*Logistic, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, errors.New("logistic regression needs as many labels as rows, and at least one row")
	}
	d := len(x[0])
	obj := &logLoss{x: x, y: y, c: c, d: d}
	p := optimize.Problem{Func: obj.value, Grad: obj.grad}
	// The loss sums over rows, so its gradient grows with them: stop when it is 1e-8 per row,
	// which leaves each weight within about 1e-7 of the optimum, far inside its sampling error.
	// Much tighter and L-BFGS fails its line search on rounding noise, many evaluations later.
	settings := &optimize.Settings{GradientThreshold: 1e-8 * (1 + c*float64(len(x))), MajorIterations: 500}
	res, err := optimize.Minimize(p, make([]float64, d+1), settings, &optimize.LBFGS{})

	if err != nil && res == nil {
		return nil, fmt.Errorf("fitting logistic regression: %w", err)
	}
	w := append([]float64(nil), res.X[:d]...)
	return &Logistic{Weights: w, Bias: res.X[d]}, nil
}

// Prob is the model's probability that row x is positive.
func (m *Logistic) Prob(x []float64) float64 {
	z := m.Bias
	for j, w := range m.Weights {
		z += w * x[j]
	}
	return sigmoid(z)
}

// Probs scores every row.
func (m *Logistic) Probs(x [][]float64) []float64 {
	out := make([]float64, len(x))
	for i, row := range x {
		out[i] = m.Prob(row)
	}
	return out
}

// logLoss is the penalised negative log-likelihood over params = (w..., b). L-BFGS asks for
// the value and the gradient at the same point; both come from one pass over the rows, and
// the gradient is kept for the call that follows.
type logLoss struct {
	x      [][]float64
	y      []bool
	c      float64
	d      int
	at     []float64 // where gradAt was computed
	gradAt []float64
}

func (l *logLoss) value(params []float64) float64 {
	w, b := params[:l.d], params[l.d]
	if l.gradAt == nil {
		l.gradAt = make([]float64, l.d+1)
	}
	g := l.gradAt
	copy(g, w)
	g[l.d] = 0
	f := 0.0
	for _, wj := range w {
		f += 0.5 * wj * wj
	}
	for i, row := range l.x {
		z := dot(w, row) + b
		// One exponential gives both log(1+eᶻ) and σ(z), without overflow.
		e := math.Exp(-math.Abs(z))
		f += l.c * (math.Max(z, 0) + math.Log1p(e))
		r := 1 / (1 + e)
		if z < 0 {
			r = e / (1 + e)
		}
		if l.y[i] {
			f -= l.c * z
			r--
		}
		r *= l.c
		for j, v := range row {
			g[j] += r * v
		}
		g[l.d] += r
	}
	l.at = append(l.at[:0], params...)
	return f
}

func (l *logLoss) grad(g, params []float64) {
	if !equal(l.at, params) {
		l.value(params)
	}
	copy(g, l.gradAt)
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func dot(w, x []float64) float64 {
	s := 0.0
	for j, v := range w {
		s += v * x[j]
	}
	return s
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
