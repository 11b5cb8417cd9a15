package model

// Region is the administrative division a report belongs to and the kind
// of body that issued it, the contract's "region" (docs/SCHEMA.md). Codes
// are six-digit GB/T 2260 codes (江苏省 320000, 淮安市 320800, 洪泽区
// 320813). When the document's clues do not single out one division, Code,
// Province, City and County are nil and Candidates lists the divisions
// that fit; a division is never guessed.
type Region struct {
	Code     *string `json:"code"`
	Province *string `json:"province"`
	City     *string `json:"city"`
	County   *string `json:"county"`
	// Confidence is 0 when nothing was resolved, up to 1 when the agency's
	// own name names the division unambiguously.
	Confidence float64 `json:"confidence"`
	// Candidates are the divisions that fit when Code is nil (empty when
	// resolved or when no division name was found at all).
	Candidates []Division `json:"candidates"`
	// AgencyKind is "government" (人民政府, 管委会), "general_office"
	// (办公室, 办公厅), "department" (局, 委员会, …), "township" (镇, 乡,
	// 街道) or "unknown".
	AgencyKind string `json:"agency_kind"`
	// Department is the body below the division: the department's name
	// (发展和改革委员会) or the township's or street's (高良涧街道); nil
	// for a government and its general office.
	Department *string `json:"department"`
	// Basis says which clues decided, for a reader who doubts the result.
	Basis string `json:"basis"`
}

// Division is one administrative division of the GB/T 2260 table.
type Division struct {
	Code     string `json:"code"`
	Province string `json:"province"`
	City     string `json:"city,omitempty"`
	County   string `json:"county,omitempty"`
}
