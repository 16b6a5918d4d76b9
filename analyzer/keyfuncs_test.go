package analyzer_test

var keyFuncCases []pkgCase
