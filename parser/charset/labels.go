// The labels of the WHATWG Encoding Standard (encoding.spec.whatwg.org),
// each with the encoding golang.org/x/text's htmlindex (v0.44.0) gives it.
// A static table because htmlindex builds its map at init, and imports x/text/language, whose tables are built at
// init too, in every command of the binary. TestLabelsAsHTMLIndex checks
// every label against htmlindex.

package charset

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// whatwg is an encoding of the WHATWG Encoding standard, in htmlindex's order.
type whatwg byte

const (
	encUtf8 whatwg = iota
	encIbm866
	encIso8859_2
	encIso8859_3
	encIso8859_4
	encIso8859_5
	encIso8859_6
	encIso8859_7
	encIso8859_8
	encIso8859_8I
	encIso8859_10
	encIso8859_13
	encIso8859_14
	encIso8859_15
	encIso8859_16
	encKoi8r
	encKoi8u
	encMacintosh
	encWindows874
	encWindows1250
	encWindows1251
	encWindows1252
	encWindows1253
	encWindows1254
	encWindows1255
	encWindows1256
	encWindows1257
	encWindows1258
	encMacintoshCyrillic
	encGbk
	encGb18030
	encBig5
	encEucjp
	encIso2022jp
	encShiftJIS
	encEuckr
	encReplacement
	encUtf16be
	encUtf16le
	encXUserDefined
	numWhatwg
)

var canonical = [numWhatwg]string{"utf-8", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr", "replacement", "utf-16be", "utf-16le", "x-user-defined"}

func (e whatwg) encoding() encoding.Encoding {
	switch e {
	case encUtf8:
		return unicode.UTF8
	case encIbm866:
		return charmap.CodePage866
	case encIso8859_2:
		return charmap.ISO8859_2
	case encIso8859_3:
		return charmap.ISO8859_3
	case encIso8859_4:
		return charmap.ISO8859_4
	case encIso8859_5:
		return charmap.ISO8859_5
	case encIso8859_6:
		return charmap.ISO8859_6
	case encIso8859_7:
		return charmap.ISO8859_7
	case encIso8859_8:
		return charmap.ISO8859_8
	case encIso8859_8I:
		return charmap.ISO8859_8I
	case encIso8859_10:
		return charmap.ISO8859_10
	case encIso8859_13:
		return charmap.ISO8859_13
	case encIso8859_14:
		return charmap.ISO8859_14
	case encIso8859_15:
		return charmap.ISO8859_15
	case encIso8859_16:
		return charmap.ISO8859_16
	case encKoi8r:
		return charmap.KOI8R
	case encKoi8u:
		return charmap.KOI8U
	case encMacintosh:
		return charmap.Macintosh
	case encWindows874:
		return charmap.Windows874
	case encWindows1250:
		return charmap.Windows1250
	case encWindows1251:
		return charmap.Windows1251
	case encWindows1252:
		return charmap.Windows1252
	case encWindows1253:
		return charmap.Windows1253
	case encWindows1254:
		return charmap.Windows1254
	case encWindows1255:
		return charmap.Windows1255
	case encWindows1256:
		return charmap.Windows1256
	case encWindows1257:
		return charmap.Windows1257
	case encWindows1258:
		return charmap.Windows1258
	case encMacintoshCyrillic:
		return charmap.MacintoshCyrillic
	case encGbk:
		return simplifiedchinese.GBK
	case encGb18030:
		return simplifiedchinese.GB18030
	case encBig5:
		return traditionalchinese.Big5
	case encEucjp:
		return japanese.EUCJP
	case encIso2022jp:
		return japanese.ISO2022JP
	case encShiftJIS:
		return japanese.ShiftJIS
	case encEuckr:
		return korean.EUCKR
	case encReplacement:
		return encoding.Replacement
	case encUtf16be:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case encUtf16le:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case encXUserDefined:
		return charmap.XUserDefined
	}
	return nil
}

// labels are sorted for binary search: static data, nothing built at init.
var labels = [...]struct {
	name string
	enc  whatwg
}{
	{"866", encIbm866},
	{"ansi_x3.4-1968", encWindows1252},
	{"arabic", encIso8859_6},
	{"ascii", encWindows1252},
	{"asmo-708", encIso8859_6},
	{"big5", encBig5},
	{"big5-hkscs", encBig5},
	{"chinese", encGbk},
	{"cn-big5", encBig5},
	{"cp1250", encWindows1250},
	{"cp1251", encWindows1251},
	{"cp1252", encWindows1252},
	{"cp1253", encWindows1253},
	{"cp1254", encWindows1254},
	{"cp1255", encWindows1255},
	{"cp1256", encWindows1256},
	{"cp1257", encWindows1257},
	{"cp1258", encWindows1258},
	{"cp819", encWindows1252},
	{"cp866", encIbm866},
	{"csbig5", encBig5},
	{"cseuckr", encEuckr},
	{"cseucpkdfmtjapanese", encEucjp},
	{"csgb2312", encGbk},
	{"csibm866", encIbm866},
	{"csiso2022jp", encIso2022jp},
	{"csiso2022kr", encReplacement},
	{"csiso58gb231280", encGbk},
	{"csiso88596e", encIso8859_6},
	{"csiso88596i", encIso8859_6},
	{"csiso88598e", encIso8859_8},
	{"csiso88598i", encIso8859_8I},
	{"csisolatin1", encWindows1252},
	{"csisolatin2", encIso8859_2},
	{"csisolatin3", encIso8859_3},
	{"csisolatin4", encIso8859_4},
	{"csisolatin5", encWindows1254},
	{"csisolatin6", encIso8859_10},
	{"csisolatin9", encIso8859_15},
	{"csisolatinarabic", encIso8859_6},
	{"csisolatincyrillic", encIso8859_5},
	{"csisolatingreek", encIso8859_7},
	{"csisolatinhebrew", encIso8859_8},
	{"cskoi8r", encKoi8r},
	{"csksc56011987", encEuckr},
	{"csmacintosh", encMacintosh},
	{"csshiftjis", encShiftJIS},
	{"csunicode", encUtf16le},
	{"cyrillic", encIso8859_5},
	{"dos-874", encWindows874},
	{"ecma-114", encIso8859_6},
	{"ecma-118", encIso8859_7},
	{"elot_928", encIso8859_7},
	{"euc-jp", encEucjp},
	{"euc-kr", encEuckr},
	{"gb18030", encGb18030},
	{"gb2312", encGbk},
	{"gb_2312", encGbk},
	{"gb_2312-80", encGbk},
	{"gbk", encGbk},
	{"greek", encIso8859_7},
	{"greek8", encIso8859_7},
	{"hebrew", encIso8859_8},
	{"hz-gb-2312", encReplacement},
	{"ibm819", encWindows1252},
	{"ibm866", encIbm866},
	{"iso-10646-ucs-2", encUtf16le},
	{"iso-2022-cn", encReplacement},
	{"iso-2022-cn-ext", encReplacement},
	{"iso-2022-jp", encIso2022jp},
	{"iso-2022-kr", encReplacement},
	{"iso-8859-1", encWindows1252},
	{"iso-8859-10", encIso8859_10},
	{"iso-8859-11", encWindows874},
	{"iso-8859-13", encIso8859_13},
	{"iso-8859-14", encIso8859_14},
	{"iso-8859-15", encIso8859_15},
	{"iso-8859-16", encIso8859_16},
	{"iso-8859-2", encIso8859_2},
	{"iso-8859-3", encIso8859_3},
	{"iso-8859-4", encIso8859_4},
	{"iso-8859-5", encIso8859_5},
	{"iso-8859-6", encIso8859_6},
	{"iso-8859-6-e", encIso8859_6},
	{"iso-8859-6-i", encIso8859_6},
	{"iso-8859-7", encIso8859_7},
	{"iso-8859-8", encIso8859_8},
	{"iso-8859-8-e", encIso8859_8},
	{"iso-8859-8-i", encIso8859_8I},
	{"iso-8859-9", encWindows1254},
	{"iso-ir-100", encWindows1252},
	{"iso-ir-101", encIso8859_2},
	{"iso-ir-109", encIso8859_3},
	{"iso-ir-110", encIso8859_4},
	{"iso-ir-126", encIso8859_7},
	{"iso-ir-127", encIso8859_6},
	{"iso-ir-138", encIso8859_8},
	{"iso-ir-144", encIso8859_5},
	{"iso-ir-148", encWindows1254},
	{"iso-ir-149", encEuckr},
	{"iso-ir-157", encIso8859_10},
	{"iso-ir-58", encGbk},
	{"iso8859-1", encWindows1252},
	{"iso8859-10", encIso8859_10},
	{"iso8859-11", encWindows874},
	{"iso8859-13", encIso8859_13},
	{"iso8859-14", encIso8859_14},
	{"iso8859-15", encIso8859_15},
	{"iso8859-2", encIso8859_2},
	{"iso8859-3", encIso8859_3},
	{"iso8859-4", encIso8859_4},
	{"iso8859-5", encIso8859_5},
	{"iso8859-6", encIso8859_6},
	{"iso8859-7", encIso8859_7},
	{"iso8859-8", encIso8859_8},
	{"iso8859-9", encWindows1254},
	{"iso88591", encWindows1252},
	{"iso885910", encIso8859_10},
	{"iso885911", encWindows874},
	{"iso885913", encIso8859_13},
	{"iso885914", encIso8859_14},
	{"iso885915", encIso8859_15},
	{"iso88592", encIso8859_2},
	{"iso88593", encIso8859_3},
	{"iso88594", encIso8859_4},
	{"iso88595", encIso8859_5},
	{"iso88596", encIso8859_6},
	{"iso88597", encIso8859_7},
	{"iso88598", encIso8859_8},
	{"iso88599", encWindows1254},
	{"iso_8859-1", encWindows1252},
	{"iso_8859-15", encIso8859_15},
	{"iso_8859-1:1987", encWindows1252},
	{"iso_8859-2", encIso8859_2},
	{"iso_8859-2:1987", encIso8859_2},
	{"iso_8859-3", encIso8859_3},
	{"iso_8859-3:1988", encIso8859_3},
	{"iso_8859-4", encIso8859_4},
	{"iso_8859-4:1988", encIso8859_4},
	{"iso_8859-5", encIso8859_5},
	{"iso_8859-5:1988", encIso8859_5},
	{"iso_8859-6", encIso8859_6},
	{"iso_8859-6:1987", encIso8859_6},
	{"iso_8859-7", encIso8859_7},
	{"iso_8859-7:1987", encIso8859_7},
	{"iso_8859-8", encIso8859_8},
	{"iso_8859-8:1988", encIso8859_8},
	{"iso_8859-9", encWindows1254},
	{"iso_8859-9:1989", encWindows1254},
	{"koi", encKoi8r},
	{"koi8", encKoi8r},
	{"koi8-r", encKoi8r},
	{"koi8-ru", encKoi8u},
	{"koi8-u", encKoi8u},
	{"koi8_r", encKoi8r},
	{"korean", encEuckr},
	{"ks_c_5601-1987", encEuckr},
	{"ks_c_5601-1989", encEuckr},
	{"ksc5601", encEuckr},
	{"ksc_5601", encEuckr},
	{"l1", encWindows1252},
	{"l2", encIso8859_2},
	{"l3", encIso8859_3},
	{"l4", encIso8859_4},
	{"l5", encWindows1254},
	{"l6", encIso8859_10},
	{"l9", encIso8859_15},
	{"latin1", encWindows1252},
	{"latin2", encIso8859_2},
	{"latin3", encIso8859_3},
	{"latin4", encIso8859_4},
	{"latin5", encWindows1254},
	{"latin6", encIso8859_10},
	{"logical", encIso8859_8I},
	{"mac", encMacintosh},
	{"macintosh", encMacintosh},
	{"ms932", encShiftJIS},
	{"ms_kanji", encShiftJIS},
	{"replacement", encReplacement},
	{"shift-jis", encShiftJIS},
	{"shift_jis", encShiftJIS},
	{"sjis", encShiftJIS},
	{"sun_eu_greek", encIso8859_7},
	{"tis-620", encWindows874},
	{"ucs-2", encUtf16le},
	{"unicode", encUtf16le},
	{"unicode-1-1-utf-8", encUtf8},
	{"unicode11utf8", encUtf8},
	{"unicode20utf8", encUtf8},
	{"unicodefeff", encUtf16le},
	{"unicodefffe", encUtf16be},
	{"us-ascii", encWindows1252},
	{"utf-16", encUtf16le},
	{"utf-16be", encUtf16be},
	{"utf-16le", encUtf16le},
	{"utf-8", encUtf8},
	{"utf8", encUtf8},
	{"visual", encIso8859_8},
	{"windows-1250", encWindows1250},
	{"windows-1251", encWindows1251},
	{"windows-1252", encWindows1252},
	{"windows-1253", encWindows1253},
	{"windows-1254", encWindows1254},
	{"windows-1255", encWindows1255},
	{"windows-1256", encWindows1256},
	{"windows-1257", encWindows1257},
	{"windows-1258", encWindows1258},
	{"windows-31j", encShiftJIS},
	{"windows-874", encWindows874},
	{"windows-949", encEuckr},
	{"x-cp1250", encWindows1250},
	{"x-cp1251", encWindows1251},
	{"x-cp1252", encWindows1252},
	{"x-cp1253", encWindows1253},
	{"x-cp1254", encWindows1254},
	{"x-cp1255", encWindows1255},
	{"x-cp1256", encWindows1256},
	{"x-cp1257", encWindows1257},
	{"x-cp1258", encWindows1258},
	{"x-euc-jp", encEucjp},
	{"x-gbk", encGbk},
	{"x-mac-cyrillic", encMacintoshCyrillic},
	{"x-mac-roman", encMacintosh},
	{"x-mac-ukrainian", encMacintoshCyrillic},
	{"x-sjis", encShiftJIS},
	{"x-unicode20utf8", encUtf8},
	{"x-user-defined", encXUserDefined},
	{"x-x-big5", encBig5},
}
