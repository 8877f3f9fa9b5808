local v = json.decode('{"i":1,"f":1.25,"s":"x","b":false,"l":[],"m":{}}')
return { i = math.type(v.i), f = math.type(v.f), s = type(v.s), b = type(v.b), l = #v.l }
