const s = "héllo wörld ✓ 日本 🎉";
return { text: s, chars: [...s].length, upper_ascii: "abc".toUpperCase() };
