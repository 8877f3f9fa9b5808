local now = time.now()
return { integer = math.type(now) == "integer", after_2025 = now > 1735689600000 }
