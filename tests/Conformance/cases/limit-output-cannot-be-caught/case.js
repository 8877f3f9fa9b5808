try { for (let i = 0; i < 1000; i++) print("spam spam spam"); } catch (e) {}
return "escaped the limit";
