// expect: recursion_limit
const o = { toString() { return "" + o; } };
return "" + o;
