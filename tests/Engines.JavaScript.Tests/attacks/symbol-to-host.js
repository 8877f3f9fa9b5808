// expect: bad_argument
return Symbol("x");
