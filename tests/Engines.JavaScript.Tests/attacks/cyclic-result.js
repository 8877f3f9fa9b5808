// expect: bad_argument nests deeper
const a = {};
a.self = a;
return a;
