package ml

import "gonum.org/v1/gonum/stat"

// Scaler standardises columns to mean 0 and standard deviation 1 with the statistics of the
// rows it was fitted on.
type Scaler struct{ Mean, Std []float64 }

// FitScaler learns each column's mean and standard deviation (gonum's stat.MeanStdDev).
func FitScaler(x [][]float64) *Scaler {
	d := len(x[0])
	s := &Scaler{Mean: make([]float64, d), Std: make([]float64, d)}
	col := make([]float64, len(x))
	for j := range d {
		for i, row := range x {
			col[i] = row[j]
		}
		s.Mean[j], s.Std[j] = stat.MeanStdDev(col, nil)
		if s.Std[j] == 0 {
			s.Std[j] = 1
		}
	}
	return s
}

// Transform returns standardised copies of the rows.
func (s *Scaler) Transform(x [][]float64) [][]float64 {
	out := make([][]float64, len(x))
	for i, row := range x {
		r := make([]float64, len(row))
		for j, v := range row {
			r[j] = (v - s.Mean[j]) / s.Std[j]
		}
		out[i] = r
	}
	return out
}
