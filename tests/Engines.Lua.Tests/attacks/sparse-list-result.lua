-- expect: bad_argument lists must run 1..n without holes
return { [1] = "a", [3] = "c" }
