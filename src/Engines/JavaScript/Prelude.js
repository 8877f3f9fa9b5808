// Runs in every sandbox before the spell. Jint checks its allocation budget between statements,
// so one built-in call that allocates in bulk (new Uint8Array(2e9), "x".repeat(2 ** 28)) could
// take gigabytes before the check. These wrappers refuse such calls up front. The originals stay
// in this closure, out of the spell's reach.
(function (maxBytes, refuse) {
  "use strict";
  const hidden = (target, name, value) =>
    Object.defineProperty(target, name, { value, writable: true, enumerable: false, configurable: true });
  const check = (what, bytes) => {
    if (bytes > maxBytes) refuse(`${what} would need ${bytes} bytes; the spell's memory limit is ${maxBytes}`);
  };
  const lengthOf = (value) =>
    typeof value === "number" ? value
      : value !== null && typeof value === "object" && typeof value.length === "number" ? value.length
      : 0;

  const guardConstructor = (name, bytesPerElement) => {
    const Original = globalThis[name];
    if (typeof Original !== "function") return;
    const Guarded = new Proxy(Original, {
      construct(target, args, newTarget) {
        check(`new ${name}`, lengthOf(args[0]) * bytesPerElement);
        const options = args[1];
        if (options !== null && typeof options === "object" && typeof options.maxByteLength === "number") {
          check(`new ${name}`, options.maxByteLength);
        }
        return Reflect.construct(target, args, newTarget);
      },
    });
    // Reaching the original through an instance's constructor would skip the guard.
    hidden(Original.prototype, "constructor", Guarded);
    hidden(globalThis, name, Guarded);
  };

  guardConstructor("ArrayBuffer", 1);
  guardConstructor("SharedArrayBuffer", 1);
  for (const [name, size] of [["Int8Array", 1], ["Uint8Array", 1], ["Uint8ClampedArray", 1], ["Int16Array", 2],
    ["Uint16Array", 2], ["Float16Array", 2], ["Int32Array", 4], ["Uint32Array", 4], ["Float32Array", 4],
    ["Float64Array", 8], ["BigInt64Array", 8], ["BigUint64Array", 8]]) {
    guardConstructor(name, size);
  }

  for (const method of ["resize", "transfer", "transferToFixedLength"]) {
    const original = ArrayBuffer.prototype[method];
    if (typeof original !== "function") continue;
    hidden(ArrayBuffer.prototype, method, function (length) {
      check(`ArrayBuffer.prototype.${method}`, typeof length === "number" ? length : 0);
      return Reflect.apply(original, this, arguments);
    });
  }

  const repeat = String.prototype.repeat;
  hidden(String.prototype, "repeat", function (count) {
    check("String.prototype.repeat", String(this).length * Number(count) * 2);
    return Reflect.apply(repeat, this, arguments);
  });
  for (const method of ["padStart", "padEnd"]) {
    const original = String.prototype[method];
    hidden(String.prototype, method, function (length) {
      check(`String.prototype.${method}`, Number(length) * 2);
      return Reflect.apply(original, this, arguments);
    });
  }

  const join = Array.prototype.join;
  hidden(Array.prototype, "join", function (separator) {
    const length = Number(this.length) || 0;
    check("Array.prototype.join", Math.max(0, length - 1) * (separator === undefined ? 1 : String(separator).length) * 2);
    return Reflect.apply(join, this, arguments);
  });
})
