package local

const Name = "x"
