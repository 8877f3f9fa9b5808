// expect: memory_limit appears many times
// json.encode converts the value first; shared parts are counted each time they appear.
let t = { a: "x" };
for (let i = 0; i < 40; i++) t = { l: t, r: t };
return json.encode(t).length;
