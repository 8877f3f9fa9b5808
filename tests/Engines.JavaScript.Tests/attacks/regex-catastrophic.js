// expect: timeout regular expression
return /^(a+)+$/.test("a".repeat(40) + "b");
