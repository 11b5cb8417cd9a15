package audit

import "testing"

// Every claim has the words its patterns contain: a claim without them
// would be skipped before its patterns run.
func TestEveryClaimHasItsWords(t *testing.T) {
	for _, c := range claims {
		if len(claimWords()[c.key]) == 0 {
			t.Errorf("claim %s has no words", c.key)
		}
	}
}
