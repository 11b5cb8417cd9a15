package output

// Neutralise makes a text cell safe to open in a spreadsheet: a cell that
// begins with =, +, -, @, a tab or a carriage return is read by Excel,
// LibreOffice and Google Sheets as a formula (OWASP, CSV injection), so it
// gets a leading apostrophe, which they show as text. Only text cells
// pass here: a number (本年增/减 -18) is written as a number.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
