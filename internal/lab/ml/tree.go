package ml

import "sort"

// Tree is a binary classification tree grown greedily with the Gini impurity, as
// scikit-learn's DecisionTreeClassifier(criterion="gini", splitter="best") does: at each node
// the split (feature, midpoint between two neighbouring distinct values) with the largest
// impurity decrease, the first one found on ties (features in order, thresholds ascending).
// Nodes are split until pure or MaxDepth, so a tree grown once answers for every smaller depth:
// growing is greedy from the top, and the tree of depth d is this tree cut at depth d.
type Tree struct {
	MaxDepth int
	root     *treeNode
}

type treeNode struct {
	feature     int
	threshold   float64 // go left when x[feature] <= threshold
	left, right *treeNode
	positive    bool // the majority class of the node's training rows (ties: negative)
}

// GrowTree grows a tree on rows x with labels y, to at most maxDepth levels of splits.
func GrowTree(x [][]float64, y []bool, maxDepth int) *Tree {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	t := &Tree{MaxDepth: maxDepth}
	t.root = grow(x, y, idx, maxDepth)
	return t
}

// Predict classifies x with the tree cut at depth levels of splits (0: the majority class).
func (t *Tree) Predict(x []float64, depth int) bool {
	n := t.root
	for d := 0; d < depth && n.left != nil; d++ {
		if x[n.feature] <= n.threshold {
			n = n.left
		} else {
			n = n.right
		}
	}
	return n.positive
}

// ErrorRate is the share of rows the tree cut at depth misclassifies.
func (t *Tree) ErrorRate(x [][]float64, y []bool, depth int) float64 {
	wrong := 0
	for i, row := range x {
		if t.Predict(row, depth) != y[i] {
			wrong++
		}
	}
	return float64(wrong) / float64(len(x))
}

func grow(x [][]float64, y []bool, idx []int, depth int) *treeNode {
	pos := 0
	for _, i := range idx {
		if y[i] {
			pos++
		}
	}
	n := &treeNode{positive: 2*pos > len(idx)}
	if depth == 0 || pos == 0 || pos == len(idx) {
		return n
	}
	s, ok := bestSplit(x, y, idx, pos)
	if !ok {
		return n
	}
	var left, right []int
	for _, i := range idx {
		if x[i][s.feature] <= s.threshold {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	n.feature, n.threshold = s.feature, s.threshold
	n.left = grow(x, y, left, depth-1)
	n.right = grow(x, y, right, depth-1)
	return n
}

type split struct {
	feature   int
	threshold float64
	score     float64 // weighted Gini impurity of the children, times the node size; lower is better
}

// bestSplit scans every feature's sorted values; ok is false when all rows are equal.
func bestSplit(x [][]float64, y []bool, idx []int, pos int) (split, bool) {
	best := split{feature: -1}
	n := len(idx)
	order := make([]int, n)
	for f := range x[idx[0]] {
		copy(order, idx)
		sort.SliceStable(order, func(a, b int) bool { return x[order[a]][f] < x[order[b]][f] })
		leftPos := 0
		for k := 1; k < n; k++ {
			if y[order[k-1]] {
				leftPos++
			}
			lo, hi := x[order[k-1]][f], x[order[k]][f]
			if lo == hi {
				continue
			}
			s := weightedGini(k, leftPos) + weightedGini(n-k, pos-leftPos)
			if best.feature < 0 || s < best.score {
				best = split{feature: f, threshold: lo/2 + hi/2, score: s} // as scikit-learn computes it
			}
		}
	}
	return best, best.feature >= 0
}

// weightedGini is n times the Gini impurity of n rows with pos positives: n·(1 − p² − q²).
func weightedGini(n, pos int) float64 {
	if n == 0 {
		return 0
	}
	p := float64(pos) / float64(n)
	return float64(n) * 2 * p * (1 - p)
}
