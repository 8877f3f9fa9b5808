// expect: recursion_limit
function f(n) { return 1 + f(n + 1); }
return f(1);
