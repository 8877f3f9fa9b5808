// expect: memory_limit appears many times
// An array shared at every level is small in JavaScript and 2^40 nodes as a tree on the host side.
let t = [1];
for (let i = 0; i < 40; i++) t = [t, t];
return t;
