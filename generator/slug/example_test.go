package slug_test

import (
	"fmt"

	"github.com/kotamalang/kimsite/generator/slug"
)

func ExampleMake() {
	fmt.Println(slug.Make("Kerja Bakti RW 05 & Senam Pagi"))
	fmt.Println(slug.Make("Café Ñoño"))
	fmt.Println(slug.Make("Jum'at Bersih"))
	fmt.Printf("%q\n", slug.Make("!!!"))
	// Output:
	// kerja-bakti-rw-05-dan-senam-pagi
	// cafe-nono
	// jumat-bersih
	// ""
}
