package privacy_test

import (
	"fmt"

	"github.com/kotamalang/kimsite/generator/privacy"
)

func ExampleFindIDNumbers() {
	text := "Hubungi 0812-3456-7890. Pagu Rp1.250.000.000. NIK pelapor: 3573 0145 0690 0001."
	for _, m := range privacy.FindIDNumbers(text) {
		fmt.Println(m.Offset, privacy.Mask(m.Number))
	}
	// Output:
	// 59 3573xxxxxxxxxx01
}
