package srs

import (
	"fmt"
	"math"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// The bounds and defaults of the configuration.
const (
	// DefaultRetention is the probability of recall FSRS aims for when a card comes due.
	DefaultRetention = 0.9
	// MinRetention and MaxRetention bound the desired retention a course may ask for: below
	// 0.70 a learner forgets too much between reviews; above 0.97 the reviews multiply for
	// little gain.
	MinRetention = 0.70
	MaxRetention = 0.97
	// DefaultDailyLimit is how many review-session answers a day Due offers at most, so that a
	// learner back from a month away is not buried.
	DefaultDailyLimit = 50
	// MaxIntervalDays caps an interval. FSRS allows a hundred years; a course's questions are
	// worth seeing at least once a year, and course material changes on that scale anyway.
	MaxIntervalDays = 365
)

// Config sets up a Scheduler. The zero value is the default configuration.
type Config struct {
	// Retention is the desired retention, MinRetention..MaxRetention; 0 means
	// DefaultRetention.
	Retention float64
	// DailyLimit is the most review-session answers a day; 0 means DefaultDailyLimit.
	DailyLimit int
	// Zone is the learner's time zone, which decides where a day begins; nil means time.Local.
	Zone *time.Location
	// Practice makes a scheduler that changes no schedule: Record counts nothing and logs
	// nothing, and Due offers every card given to it, not only due ones, without a limit.
	Practice bool
}

// Scheduler applies FSRS to cards. It holds no cards itself and is safe for concurrent use.
type Scheduler struct {
	fsrs       *fsrs.FSRS
	retention  float64
	dailyLimit int
	zone       *time.Location
	practice   bool
}

// CheckRetention reports whether r is a desired retention a course may ask for.
func CheckRetention(r float64) error {
	if math.IsNaN(r) || r < MinRetention || r > MaxRetention {
		return fmt.Errorf("desired retention %v is out of range: use a value from %.2f to %.2f (0.9 is the usual choice)",
			r, MinRetention, MaxRetention)
	}
	return nil
}

// New returns a scheduler for cfg, or an error that says which setting is out of range.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Retention == 0 {
		cfg.Retention = DefaultRetention
	}
	if err := CheckRetention(cfg.Retention); err != nil {
		return nil, err
	}
	switch {
	case cfg.DailyLimit == 0:
		cfg.DailyLimit = DefaultDailyLimit
	case cfg.DailyLimit < 0:
		return nil, fmt.Errorf("daily review limit %d is negative: use a positive number (%d is the default)",
			cfg.DailyLimit, DefaultDailyLimit)
	}
	if cfg.Zone == nil {
		cfg.Zone = time.Local
	}
	return &Scheduler{
		fsrs:       fsrs.NewFSRS(parameters(cfg.Retention)),
		retention:  cfg.Retention,
		dailyLimit: cfg.DailyLimit,
		zone:       cfg.Zone,
		practice:   cfg.Practice,
	}, nil
}

// parameters configures go-fsrs for day-scale review.
//
// EnableShortTerm false selects go-fsrs' long-term scheduler: it ignores LearningSteps and
// RelearningSteps altogether and puts every card straight into the Review state with an
// interval of at least one whole day, from the first answer on (a new card: Again 1 day, Hard 2,
// Good 3). The short-term scheduler instead walks new and lapsed cards through minute steps
// (1 and 10 minutes by default) meant for drilling flashcards in one sitting; a learner answers
// a quiz question once and moves on, so those steps would only mark it due again within the
// same session. The steps are emptied as well, so that nothing depends on which scheduler reads
// them.
//
// Fuzz is off: intervals are then a pure function of the history, which keeps replays exact and
// tests readable; spreading load matters little for a course's few hundred questions under a
// daily limit.
func parameters(retention float64) fsrs.Parameters {
	p := fsrs.DefaultParam() // FSRS-6 default weights
	p.RequestRetention = retention
	p.MaximumInterval = MaxIntervalDays
	p.EnableShortTerm = false
	p.LearningSteps = nil
	p.RelearningSteps = nil
	p.EnableFuzz = false
	return p
}

// Retention returns the desired retention in use.
func (s *Scheduler) Retention() float64 { return s.retention }

// DailyLimit returns the daily limit in use.
func (s *Scheduler) DailyLimit() int { return s.dailyLimit }
