// Package runefilter is a quick "no" for a set of characters: one bit for
// each character's low 12 bits. Most characters of a text open none of a
// few dozen words; a bit test tells them apart before a map lookup and,
// for three-byte UTF-8 (all of CJK), without decoding the character.
package runefilter

// Set holds a bit for the low 12 bits of each character added. May is
// true for every character added, and for a few others that share their
// low bits.
type Set [64]uint64

// Add adds r.
func (f *Set) Add(r rune) {
	k := uint32(r) & 4095
	f[k>>6] |= 1 << (k & 63)
}

// May reports whether r may be in the set.
func (f *Set) May(r rune) bool {
	k := uint32(r) & 4095
	return f[k>>6]&(1<<(k&63)) != 0
}

// MayAt is May of the three-byte character at s[i:] (i+2 < len(s)), read
// from its last two bytes, which hold the character's low 12 bits.
func (f *Set) MayAt(s string, i int) bool {
	k := uint32(s[i+1]&0x3F)<<6 | uint32(s[i+2]&0x3F)
	return f[k>>6]&(1<<(k&63)) != 0
}
