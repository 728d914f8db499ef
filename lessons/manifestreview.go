package lessons

import (
	"fmt"

	"github.com/aieng/aieng/internal/srs"
)

// checkReviewFields checks the manifest's settings of the review of answered questions:
// review_limit, a whole number of answers a day, at least 1; review_retention, the probability
// of recall the scheduler aims for, within what internal/srs allows. A value whose type was
// reported already is not reported again.
func checkReviewFields(mf manifest, keys map[string]yamlEntry, pl *problemList) {
	if v := keys["review_limit"].Value; isWholeNumber(v) && mf.ReviewLimit < 1 {
		pl.errorf(v.Line, v.Column, "review_limit must be at least 1: the most review answers a day (default %d)", srs.DefaultDailyLimit)
	}
	v := keys["review_retention"].Value
	if v == nil || explained(keys, "review_retention") {
		return
	}
	r := mf.ReviewRetention
	if err := srs.CheckRetention(r); err != nil {
		msg := "review_retention: " + err.Error()
		if r > 1 && r <= 100 {
			// 90 for 90%: the fraction is what is meant.
			msg = fmt.Sprintf("review_retention is a fraction of 1: write %s, not %s (from %.2f to %.2f)",
				trimFloat(r/100), v.Value, srs.MinRetention, srs.MaxRetention)
		}
		pl.errorf(v.Line, v.Column, "%s", msg)
	}
}

// trimFloat writes a fraction without trailing zeros: 0.9, 0.85.
func trimFloat(f float64) string {
	return fmt.Sprintf("%g", float64(int(f*1000+0.5))/1000)
}
