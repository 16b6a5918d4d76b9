module github.com/spanattrlint/spanattrlint/realworld

go 1.26.0
