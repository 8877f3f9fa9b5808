// expect: bad_argument nests deeper
const a = [];
a.push(a);
return json.encode(a);
