const a = 1;
const b = undefined;
return a + b.field;
