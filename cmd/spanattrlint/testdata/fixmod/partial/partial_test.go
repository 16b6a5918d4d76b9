package partial_test

var broken int = "not an int"
