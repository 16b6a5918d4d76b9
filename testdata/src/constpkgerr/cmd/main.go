// Command cmd is a main package with constants no package can import.
package main

const Key = "cmd.key"

func main() {}
