package locale_test

import (
	"fmt"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
)

func Example() {
	t := time.Date(2020, 11, 5, 9, 0, 0, 0, locale.WIB)
	fmt.Println(locale.Date(t))
	fmt.Println(locale.ShortDate(t))
	fmt.Println(locale.Number(1250000))
	fmt.Println(locale.Rupiah(15000), locale.Rupiah(-15000))
	fmt.Println(locale.RupiahShort(250_000_000), locale.RupiahShort(1_500_000_000))
	// Output:
	// Kamis, 5 November 2020
	// 5 Nov 2020
	// 1.250.000
	// Rp15.000 -Rp15.000
	// Rp250 juta Rp1,5 miliar
}
