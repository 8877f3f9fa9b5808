// expect: recursion_limit
const o = { valueOf() { return o * 1; } };
try { return o * 1; } catch (e) { return "caught"; }
