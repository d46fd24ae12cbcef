package phone_test

import (
	"fmt"

	"github.com/kotamalang/kimsite/generator/phone"
)

func ExampleWhatsApp() {
	n, ok := phone.WhatsApp("0812-3456-7890")
	fmt.Println("https://wa.me/"+n, ok)
	_, ok = phone.WhatsApp("+62 0812 3456 7890")
	fmt.Println(ok)
	// Output:
	// https://wa.me/6281234567890 true
	// false
}

func ExampleDisplay() {
	fmt.Println(phone.Display("0812 3456 7890"))
	fmt.Println(phone.Display("(0341) 551234"))
	// Output:
	// +62 812-3456-7890
	// +62 341 55-1234
}
