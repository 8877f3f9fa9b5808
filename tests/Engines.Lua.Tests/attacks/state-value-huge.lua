-- expect: bad_argument the limit for one value
-- A state value past its limit is refused before any store holds it.
state.set("k", string.rep("x", 5 * 1024 * 1024))
