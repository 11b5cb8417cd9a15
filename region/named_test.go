package region

import (
	"math/rand"
	"strings"
	"testing"
)

// TestNamedIsSupport holds named to the count it replaces: for every
// county and city, on texts naming random provinces and cities (full and
// short names, broken bytes between), named(d) is support(d, mentions) > 0.
func TestNamedIsSupport(t *testing.T) {
	tb := load()
	rng := rand.New(rand.NewSource(15))
	var pool []string
	for _, ds := range [][]Div{tb.provs, tb.cities, tb.counts[:200]} {
		for i := range ds {
			pool = append(pool, ds[i].Name)
			if s := shortName(&ds[i]); s != "" {
				pool = append(pool, s)
			}
		}
	}
	fill := []string{"", "\n", "本机关", "\xe6", "a", "。"}
	var ds []*Div
	for i := range tb.cities {
		ds = append(ds, &tb.cities[i])
	}
	for i := range tb.counts {
		ds = append(ds, &tb.counts[i])
	}
	for k := 0; k < 300; k++ {
		var b strings.Builder
		for j := rng.Intn(6); j > 0; j-- {
			b.WriteString(fill[rng.Intn(len(fill))])
			b.WriteString(pool[rng.Intn(len(pool))])
		}
		text := b.String()
		m := mentions(tb, text)
		for _, d := range ds {
			if got, want := named(tb, d, text), support(d, m) > 0; got != want {
				t.Fatalf("named(%s, %q) = %v, want %v", d.Name, text, got, want)
			}
		}
	}
}

// TestIsZoneMatchesRegexp holds isZone to zoneRe.
func TestIsZoneMatchesRegexp(t *testing.T) {
	alphabet := []string{"综合", "实验", "试验", "开发", "高新", "新", "区", "县", "\xe5", "a"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 30000; i++ {
		s := ""
		for k := r.Intn(6); k > 0; k-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := isZone(s), zoneRe.MatchString(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}
