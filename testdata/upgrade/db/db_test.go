package db_test

import (
	"testing"

	"example.com/upgrade/db"
)

func TestConn(t *testing.T) {
	if got := db.Conn("h", 5432); len(got) != 4 || got[2].Value.AsInt64() != 5432 {
		t.Errorf("Conn = %v", got)
	}
	if got := db.Query("users", "SELECT 1"); len(got) != 2 {
		t.Errorf("Query = %v", got)
	}
}
