package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"hash"

	lpdf "github.com/ledongthuc/pdf"
)

// AES-256 encryption (security handler revisions 5 and 6, PDF 2.0), which
// the object layer does not read. A file encrypted this way with an empty
// user password (anyone may open it; only its permissions are restricted)
// is opened with its /Encrypt entry hidden from the library, and its
// streams are decrypted here from their raw bytes.

var errNeedsPassword = errors.New("the user password is not empty")

// aes256Key returns the file key of an AES-256 encrypted document for the
// empty user password.
func aes256Key(enc lpdf.Value) ([]byte, error) {
	r := int(numOr(key(enc, "R"), 0))
	u := []byte(rawString(key(enc, "U")))
	ue := []byte(rawString(key(enc, "UE")))
	if (r != 5 && r != 6) || len(u) < 48 || len(ue) < 32 {
		return nil, errors.New("unsupported AES-256 parameters")
	}
	hashOf := func(salt []byte) []byte {
		if r == 5 {
			h := sha256.Sum256(salt)
			return h[:]
		}
		return hash2B(nil, salt, nil)
	}
	if !bytes.Equal(hashOf(u[32:40]), u[:32]) {
		return nil, errNeedsPassword
	}
	k := hashOf(u[40:48])
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	fileKey := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(fileKey, ue[:32])
	return fileKey, nil
}

// hash2B is algorithm 2.B of ISO 32000-2 (revision 6).
func hash2B(password, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		var k1 []byte
		for j := 0; j < 64; j++ {
			k1 = append(k1, password...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = sha256.New()
		case 1:
			hh = sha512.New384()
		default:
			hh = sha512.New()
		}
		hh.Write(e)
		k = hh.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-32 {
			break
		}
		if i > 1000 {
			break
		}
	}
	return k[:32]
}

// aesDecrypt decrypts AES-256-CBC data whose first block is the IV and
// removes the padding.
func aesDecrypt(key, data []byte) ([]byte, error) {
	if len(data) < 32 || len(data)%16 != 0 {
		if len(data) >= 32 {
			data = data[:len(data)/16*16]
		} else {
			return nil, errors.New("encrypted data too short")
		}
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
	if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
		out = out[:len(out)-n]
	}
	return out, nil
}
