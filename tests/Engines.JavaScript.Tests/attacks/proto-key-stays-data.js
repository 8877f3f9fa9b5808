// expect: result {"admin":false,"keys":["__proto__"],"inner":true}
const v = json.decode('{"__proto__": {"admin": true}}');
return { admin: ({}).admin === true, keys: Object.keys(v), inner: v["__proto__"].admin };
