const v = json.decode('{"i":1,"f":1.25,"s":"x","b":false,"l":[],"m":{}}');
return { i: Number.isInteger(v.i) ? "integer" : "float", f: Number.isInteger(v.f) ? "integer" : "float", s: typeof v.s, b: typeof v.b, l: v.l.length };
