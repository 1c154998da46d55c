var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/@bufbuild/protobuf/dist/cjs/types.js
var require_types = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/is-message.js
var require_is_message = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/is-message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isMessage = isMessage2;
    function isMessage2(arg, schema) {
      const isMessage3 = arg !== null && typeof arg == "object" && "$typeName" in arg && typeof arg.$typeName == "string";
      if (!isMessage3) {
        return false;
      }
      if (schema === void 0) {
        return true;
      }
      return schema.typeName === arg.$typeName;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/descriptors.js
var require_descriptors = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/descriptors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ScalarType = void 0;
    var ScalarType2;
    (function(ScalarType3) {
      ScalarType3[ScalarType3["DOUBLE"] = 1] = "DOUBLE";
      ScalarType3[ScalarType3["FLOAT"] = 2] = "FLOAT";
      ScalarType3[ScalarType3["INT64"] = 3] = "INT64";
      ScalarType3[ScalarType3["UINT64"] = 4] = "UINT64";
      ScalarType3[ScalarType3["INT32"] = 5] = "INT32";
      ScalarType3[ScalarType3["FIXED64"] = 6] = "FIXED64";
      ScalarType3[ScalarType3["FIXED32"] = 7] = "FIXED32";
      ScalarType3[ScalarType3["BOOL"] = 8] = "BOOL";
      ScalarType3[ScalarType3["STRING"] = 9] = "STRING";
      ScalarType3[ScalarType3["BYTES"] = 12] = "BYTES";
      ScalarType3[ScalarType3["UINT32"] = 13] = "UINT32";
      ScalarType3[ScalarType3["SFIXED32"] = 15] = "SFIXED32";
      ScalarType3[ScalarType3["SFIXED64"] = 16] = "SFIXED64";
      ScalarType3[ScalarType3["SINT32"] = 17] = "SINT32";
      ScalarType3[ScalarType3["SINT64"] = 18] = "SINT64";
    })(ScalarType2 || (exports.ScalarType = ScalarType2 = {}));
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/varint.js
var require_varint = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/varint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.varint64read = varint64read2;
    exports.varint64write = varint64write;
    exports.int64FromString = int64FromString2;
    exports.int64ToString = int64ToString2;
    exports.uInt64ToString = uInt64ToString2;
    exports.varint32write = varint32write2;
    exports.varint32read = varint32read2;
    function varint64read2() {
      const buf = this.buf;
      let pos = this.pos;
      let lo = 0;
      let hi = 0;
      for (let shift = 0; shift < 28; shift += 7) {
        const b = buf[pos++];
        lo |= (b & 127) << shift;
        if ((b & 128) == 0) {
          this.pos = pos;
          this.assertBounds();
          this.varint64Lo = lo;
          this.varint64Hi = hi;
          return;
        }
      }
      const middleByte = buf[pos++];
      lo |= (middleByte & 15) << 28;
      hi = (middleByte & 112) >> 4;
      if ((middleByte & 128) == 0) {
        this.pos = pos;
        this.assertBounds();
        this.varint64Lo = lo;
        this.varint64Hi = hi;
        return;
      }
      for (let shift = 3; shift <= 31; shift += 7) {
        const b = buf[pos++];
        hi |= (b & 127) << shift;
        if ((b & 128) == 0) {
          this.pos = pos;
          this.assertBounds();
          this.varint64Lo = lo;
          this.varint64Hi = hi;
          return;
        }
      }
      throw new Error("invalid varint");
    }
    function varint64write(lo, hi, bytes) {
      for (let i = 0; i < 28; i = i + 7) {
        const shift = lo >>> i;
        const hasNext = !(shift >>> 7 == 0 && hi == 0);
        const byte = (hasNext ? shift | 128 : shift) & 255;
        bytes.push(byte);
        if (!hasNext) {
          return;
        }
      }
      const splitBits = lo >>> 28 & 15 | (hi & 7) << 4;
      const hasMoreBits = !(hi >> 3 == 0);
      bytes.push((hasMoreBits ? splitBits | 128 : splitBits) & 255);
      if (!hasMoreBits) {
        return;
      }
      for (let i = 3; i < 31; i = i + 7) {
        const shift = hi >>> i;
        const hasNext = !(shift >>> 7 == 0);
        const byte = (hasNext ? shift | 128 : shift) & 255;
        bytes.push(byte);
        if (!hasNext) {
          return;
        }
      }
      bytes.push(hi >>> 31 & 1);
    }
    var TWO_PWR_32_DBL2 = 4294967296;
    function int64FromString2(dec) {
      const minus = dec[0] === "-";
      if (minus) {
        dec = dec.slice(1);
      }
      const base = 1e6;
      let lowBits = 0;
      let highBits = 0;
      function add1e6digit(begin, end) {
        const digit1e6 = Number(dec.slice(begin, end));
        highBits *= base;
        lowBits = lowBits * base + digit1e6;
        if (lowBits >= TWO_PWR_32_DBL2) {
          highBits = highBits + (lowBits / TWO_PWR_32_DBL2 | 0);
          lowBits = lowBits % TWO_PWR_32_DBL2;
        }
      }
      add1e6digit(-24, -18);
      add1e6digit(-18, -12);
      add1e6digit(-12, -6);
      add1e6digit(-6);
      return minus ? negate2(lowBits, highBits) : newBits2(lowBits, highBits);
    }
    function int64ToString2(lo, hi) {
      let bits = newBits2(lo, hi);
      const negative = bits.hi & 2147483648;
      if (negative) {
        bits = negate2(bits.lo, bits.hi);
      }
      const result = uInt64ToString2(bits.lo, bits.hi);
      return negative ? "-" + result : result;
    }
    function uInt64ToString2(lo, hi) {
      ({ lo, hi } = toUnsigned2(lo, hi));
      if (hi <= 2097151) {
        return String(TWO_PWR_32_DBL2 * hi + lo);
      }
      const low = lo & 16777215;
      const mid = (lo >>> 24 | hi << 8) & 16777215;
      const high = hi >> 16 & 65535;
      let digitA = low + mid * 6777216 + high * 6710656;
      let digitB = mid + high * 8147497;
      let digitC = high * 2;
      const base = 1e7;
      if (digitA >= base) {
        digitB += Math.floor(digitA / base);
        digitA %= base;
      }
      if (digitB >= base) {
        digitC += Math.floor(digitB / base);
        digitB %= base;
      }
      return digitC.toString() + decimalFrom1e7WithLeadingZeros2(digitB) + decimalFrom1e7WithLeadingZeros2(digitA);
    }
    function toUnsigned2(lo, hi) {
      return { lo: lo >>> 0, hi: hi >>> 0 };
    }
    function newBits2(lo, hi) {
      return { lo: lo | 0, hi: hi | 0 };
    }
    function negate2(lowBits, highBits) {
      highBits = ~highBits;
      if (lowBits) {
        lowBits = ~lowBits + 1;
      } else {
        highBits += 1;
      }
      return newBits2(lowBits, highBits);
    }
    var decimalFrom1e7WithLeadingZeros2 = (digit1e7) => {
      const partial = String(digit1e7);
      return "0000000".slice(partial.length) + partial;
    };
    function varint32write2(value, bytes) {
      if (value >>> 0 < 128) {
        bytes.push(value);
        return;
      }
      if (value >= 0) {
        while (value > 127) {
          bytes.push(value & 127 | 128);
          value = value >>> 7;
        }
        bytes.push(value);
      } else {
        for (let i = 0; i < 9; i++) {
          bytes.push(value & 127 | 128);
          value = value >> 7;
        }
        bytes.push(1);
      }
    }
    function varint32read2() {
      let b = this.buf[this.pos++];
      if ((b & 128) === 0) {
        this.assertBounds();
        return b;
      }
      let result = b & 127;
      b = this.buf[this.pos++];
      result |= (b & 127) << 7;
      if ((b & 128) === 0) {
        this.assertBounds();
        return result;
      }
      b = this.buf[this.pos++];
      result |= (b & 127) << 14;
      if ((b & 128) === 0) {
        this.assertBounds();
        return result;
      }
      b = this.buf[this.pos++];
      result |= (b & 127) << 21;
      if ((b & 128) === 0) {
        this.assertBounds();
        return result;
      }
      b = this.buf[this.pos++];
      result |= (b & 15) << 28;
      for (let readBytes = 5; (b & 128) !== 0 && readBytes < 10; readBytes++)
        b = this.buf[this.pos++];
      if ((b & 128) !== 0)
        throw new Error("invalid varint");
      this.assertBounds();
      return result >>> 0;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/proto-int64.js
var require_proto_int64 = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/proto-int64.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.protoInt64 = void 0;
    var varint_js_1 = require_varint();
    exports.protoInt64 = makeInt64Support2();
    function makeInt64Support2() {
      const dv = new DataView(new ArrayBuffer(8));
      const ok = typeof BigInt === "function" && typeof dv.getBigInt64 === "function" && typeof dv.getBigUint64 === "function" && typeof dv.setBigInt64 === "function" && typeof dv.setBigUint64 === "function" && (!!globalThis.Deno || !!globalThis.Bun || typeof process != "object" || typeof process.env != "object" || process.env.BUF_BIGINT_DISABLE !== "1");
      if (ok) {
        const MIN = BigInt("-9223372036854775808");
        const MAX = BigInt("9223372036854775807");
        const UMIN = BigInt("0");
        const UMAX = BigInt("18446744073709551615");
        return {
          zero: BigInt(0),
          supported: true,
          parse(value) {
            const bi = typeof value == "bigint" ? value : BigInt(value);
            if (bi > MAX || bi < MIN) {
              throw new Error(`invalid int64: ${value}`);
            }
            return bi;
          },
          uParse(value) {
            const bi = typeof value == "bigint" ? value : BigInt(value);
            if (bi > UMAX || bi < UMIN) {
              throw new Error(`invalid uint64: ${value}`);
            }
            return bi;
          },
          enc(value) {
            dv.setBigInt64(0, this.parse(value), true);
            return {
              lo: dv.getInt32(0, true),
              hi: dv.getInt32(4, true)
            };
          },
          uEnc(value) {
            dv.setBigInt64(0, this.uParse(value), true);
            return {
              lo: dv.getInt32(0, true),
              hi: dv.getInt32(4, true)
            };
          },
          dec(lo, hi) {
            dv.setInt32(0, lo, true);
            dv.setInt32(4, hi, true);
            return dv.getBigInt64(0, true);
          },
          uDec(lo, hi) {
            dv.setInt32(0, lo, true);
            dv.setInt32(4, hi, true);
            return dv.getBigUint64(0, true);
          }
        };
      }
      return {
        zero: "0",
        supported: false,
        parse(value) {
          if (typeof value != "string") {
            value = value.toString();
          }
          assertInt64String2(value);
          return value;
        },
        uParse(value) {
          if (typeof value != "string") {
            value = value.toString();
          }
          assertUInt64String2(value);
          return value;
        },
        enc(value) {
          if (typeof value != "string") {
            value = value.toString();
          }
          assertInt64String2(value);
          return (0, varint_js_1.int64FromString)(value);
        },
        uEnc(value) {
          if (typeof value != "string") {
            value = value.toString();
          }
          assertUInt64String2(value);
          return (0, varint_js_1.int64FromString)(value);
        },
        dec(lo, hi) {
          return (0, varint_js_1.int64ToString)(lo, hi);
        },
        uDec(lo, hi) {
          return (0, varint_js_1.uInt64ToString)(lo, hi);
        }
      };
    }
    function assertInt64String2(value) {
      if (!/^-?[0-9]+$/.test(value)) {
        throw new Error("invalid int64: " + value);
      }
    }
    function assertUInt64String2(value) {
      if (!/^[0-9]+$/.test(value)) {
        throw new Error("invalid uint64: " + value);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/scalar.js
var require_scalar = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/scalar.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.scalarEquals = scalarEquals;
    exports.scalarZeroValue = scalarZeroValue2;
    exports.isScalarZeroValue = isScalarZeroValue;
    var proto_int64_js_1 = require_proto_int64();
    var descriptors_js_1 = require_descriptors();
    function scalarEquals(type, a, b) {
      if (a === b) {
        return true;
      }
      if (type == descriptors_js_1.ScalarType.BYTES) {
        if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) {
          return false;
        }
        if (a.length !== b.length) {
          return false;
        }
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i]) {
            return false;
          }
        }
        return true;
      }
      switch (type) {
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return a == b;
      }
      return false;
    }
    function scalarZeroValue2(type, longAsString) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return "";
        case descriptors_js_1.ScalarType.BOOL:
          return false;
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          return 0;
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return longAsString ? "0" : proto_int64_js_1.protoInt64.zero;
        case descriptors_js_1.ScalarType.BYTES:
          return new Uint8Array(0);
        default:
          return 0;
      }
    }
    function isScalarZeroValue(type, value) {
      switch (type) {
        case descriptors_js_1.ScalarType.BOOL:
          return value === false;
        case descriptors_js_1.ScalarType.STRING:
          return value === "";
        case descriptors_js_1.ScalarType.BYTES:
          return value instanceof Uint8Array && !value.byteLength;
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          return Object.is(value, 0);
        default:
          return value == 0;
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/unsafe.js
var require_unsafe = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/unsafe.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.unsafeLocal = void 0;
    exports.unsafeOneofCase = unsafeOneofCase;
    exports.unsafeIsSet = unsafeIsSet;
    exports.unsafeIsSetExplicit = unsafeIsSetExplicit2;
    exports.unsafeGet = unsafeGet;
    exports.unsafeSet = unsafeSet;
    exports.setOwn = setOwn2;
    exports.getOwn = getOwn;
    exports.unsafeClear = unsafeClear;
    var scalar_js_1 = require_scalar();
    var IMPLICIT3 = 2;
    exports.unsafeLocal = /* @__PURE__ */ Symbol.for("reflect unsafe local");
    function unsafeOneofCase(target, oneof) {
      const c = target[oneof.localName].case;
      if (c === void 0) {
        return c;
      }
      return oneof.fields.find((f) => f.localName === c);
    }
    function unsafeIsSet(target, field) {
      const name = field.localName;
      if (field.oneof) {
        return target[field.oneof.localName].case === name;
      }
      if (field.presence != IMPLICIT3) {
        return target[name] !== void 0 && Object.prototype.hasOwnProperty.call(target, name);
      }
      switch (field.fieldKind) {
        case "list":
          return target[name].length > 0;
        case "map":
          return Object.keys(target[name]).length > 0;
        case "scalar":
          return !(0, scalar_js_1.isScalarZeroValue)(field.scalar, target[name]);
        case "enum":
          return target[name] !== field.enum.values[0].number;
      }
      throw new Error("message field with implicit presence");
    }
    function unsafeIsSetExplicit2(target, localName) {
      return Object.prototype.hasOwnProperty.call(target, localName) && target[localName] !== void 0;
    }
    function unsafeGet(target, field) {
      if (field.oneof) {
        const oneof = target[field.oneof.localName];
        if (oneof.case === field.localName) {
          return oneof.value;
        }
        return void 0;
      }
      return target[field.localName];
    }
    function unsafeSet(target, field, value) {
      if (field.oneof) {
        target[field.oneof.localName] = {
          case: field.localName,
          value
        };
      } else {
        target[field.localName] = value;
      }
    }
    function setOwn2(obj, key, value) {
      if (key === "__proto__") {
        Object.defineProperty(obj, "__proto__", {
          value,
          writable: true,
          enumerable: true,
          configurable: true
        });
      } else {
        obj[key] = value;
      }
    }
    function getOwn(obj, key) {
      return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : void 0;
    }
    function unsafeClear(target, field) {
      const name = field.localName;
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        if (target[oneofLocalName].case === name) {
          target[oneofLocalName] = { case: void 0 };
        }
      } else if (field.presence != IMPLICIT3) {
        delete target[name];
      } else {
        switch (field.fieldKind) {
          case "map":
            target[name] = {};
            break;
          case "list":
            target[name] = [];
            break;
          case "enum":
            target[name] = field.enum.values[0].number;
            break;
          case "scalar":
            target[name] = (0, scalar_js_1.scalarZeroValue)(field.scalar, field.longAsString);
            break;
        }
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/guard.js
var require_guard = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/guard.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isObject = isObject2;
    exports.isOneofADT = isOneofADT;
    exports.isReflectList = isReflectList;
    exports.isReflectMap = isReflectMap;
    exports.isReflectMessage = isReflectMessage;
    var unsafe_js_1 = require_unsafe();
    function isObject2(arg) {
      return arg !== null && typeof arg == "object" && !Array.isArray(arg);
    }
    function isOneofADT(arg) {
      return arg !== null && typeof arg == "object" && "case" in arg && (typeof arg.case == "string" && "value" in arg && arg.value != null || arg.case === void 0 && (!("value" in arg) || arg.value === void 0));
    }
    function isReflectList(arg, field) {
      var _a, _b, _c, _d;
      if (isObject2(arg) && unsafe_js_1.unsafeLocal in arg && "add" in arg && "field" in arg && typeof arg.field == "function") {
        if (field !== void 0) {
          const a = field;
          const b = arg.field();
          return a.listKind == b.listKind && a.scalar === b.scalar && ((_a = a.message) === null || _a === void 0 ? void 0 : _a.typeName) === ((_b = b.message) === null || _b === void 0 ? void 0 : _b.typeName) && ((_c = a.enum) === null || _c === void 0 ? void 0 : _c.typeName) === ((_d = b.enum) === null || _d === void 0 ? void 0 : _d.typeName);
        }
        return true;
      }
      return false;
    }
    function isReflectMap(arg, field) {
      var _a, _b, _c, _d;
      if (isObject2(arg) && unsafe_js_1.unsafeLocal in arg && "has" in arg && "field" in arg && typeof arg.field == "function") {
        if (field !== void 0) {
          const a = field, b = arg.field();
          return a.mapKey === b.mapKey && a.mapKind == b.mapKind && a.scalar === b.scalar && ((_a = a.message) === null || _a === void 0 ? void 0 : _a.typeName) === ((_b = b.message) === null || _b === void 0 ? void 0 : _b.typeName) && ((_c = a.enum) === null || _c === void 0 ? void 0 : _c.typeName) === ((_d = b.enum) === null || _d === void 0 ? void 0 : _d.typeName);
        }
        return true;
      }
      return false;
    }
    function isReflectMessage(arg, messageDesc2) {
      return isObject2(arg) && unsafe_js_1.unsafeLocal in arg && "desc" in arg && isObject2(arg.desc) && arg.desc.kind === "message" && (messageDesc2 === void 0 || arg.desc.typeName == messageDesc2.typeName);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/wrappers.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isWrapper = isWrapper;
    exports.isWrapperDesc = isWrapperDesc2;
    exports.hasCustomJsonRepresentation = hasCustomJsonRepresentation;
    function isWrapper(arg) {
      return isWrapperTypeName2(arg.$typeName);
    }
    function isWrapperDesc2(messageDesc2) {
      const f = messageDesc2.fields[0];
      return isWrapperTypeName2(messageDesc2.typeName) && f !== void 0 && f.fieldKind == "scalar" && f.name == "value" && f.number == 1;
    }
    function hasCustomJsonRepresentation(desc) {
      switch (desc.typeName) {
        case "google.protobuf.Any":
        case "google.protobuf.Timestamp":
        case "google.protobuf.Duration":
        case "google.protobuf.FieldMask":
        case "google.protobuf.Struct":
        case "google.protobuf.Value":
        case "google.protobuf.ListValue":
          return true;
        default:
          return isWrapperDesc2(desc);
      }
    }
    var wrapperTypeNames2 = /* @__PURE__ */ new Set([
      "google.protobuf.DoubleValue",
      "google.protobuf.FloatValue",
      "google.protobuf.Int64Value",
      "google.protobuf.UInt64Value",
      "google.protobuf.Int32Value",
      "google.protobuf.UInt32Value",
      "google.protobuf.BoolValue",
      "google.protobuf.StringValue",
      "google.protobuf.BytesValue"
    ]);
    function isWrapperTypeName2(name) {
      return wrapperTypeNames2.has(name);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/create.js
var require_create = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/create.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.create = create5;
    var is_message_js_1 = require_is_message();
    var descriptors_js_1 = require_descriptors();
    var scalar_js_1 = require_scalar();
    var guard_js_1 = require_guard();
    var unsafe_js_1 = require_unsafe();
    var wrappers_js_1 = require_wrappers();
    var EDITION_PROTO33 = 999;
    var EDITION_PROTO23 = 998;
    var IMPLICIT3 = 2;
    function create5(schema, init) {
      if ((0, is_message_js_1.isMessage)(init, schema)) {
        return init;
      }
      return compiledCreate2(schema)(init);
    }
    var compiledCreates2 = /* @__PURE__ */ new WeakMap();
    function compiledCreate2(desc) {
      let compiled = compiledCreates2.get(desc);
      if (compiled === void 0) {
        compiled = compileCreate2(desc);
        compiledCreates2.set(desc, compiled);
      }
      return compiled;
    }
    var INIT_SINGULAR2 = 0;
    var INIT_LIST2 = 1;
    var INIT_MAP2 = 2;
    var INIT_ONEOF2 = 3;
    function compileCreate2(desc) {
      const typeName = desc.typeName;
      const { properties, prototype } = compileInitMessage2(desc);
      return (init) => {
        let message;
        if (prototype !== void 0) {
          message = Object.create(prototype);
          message.$typeName = typeName;
        } else {
          message = { $typeName: typeName };
        }
        for (let i = 0; i < properties.length; i++) {
          const property = properties[i];
          const name = property.name;
          const initValue = init === null || init === void 0 ? void 0 : init[name];
          switch (property.kind) {
            case INIT_SINGULAR2:
              if (initValue != null) {
                message[name] = property.convert !== void 0 ? property.convert(initValue) : initValue;
              } else if (property.constant !== void 0) {
                message[name] = property.constant;
              }
              break;
            case INIT_LIST2:
              message[name] = property.convert !== void 0 && Array.isArray(initValue) ? initValue.map(property.convert) : initValue !== null && initValue !== void 0 ? initValue : [];
              break;
            case INIT_MAP2:
              if (property.convert === void 0 || !(0, guard_js_1.isObject)(initValue)) {
                message[name] = initValue !== null && initValue !== void 0 ? initValue : {};
              } else {
                const converted = {};
                const keys = Object.keys(initValue);
                for (let k = 0; k < keys.length; k++) {
                  (0, unsafe_js_1.setOwn)(converted, keys[k], property.convert(initValue[keys[k]]));
                }
                message[name] = converted;
              }
              break;
            case INIT_ONEOF2: {
              const oneofValue = initValue;
              if ((oneofValue === null || oneofValue === void 0 ? void 0 : oneofValue.case) != null) {
                const convert = property.convert.get(oneofValue.case);
                if (convert !== void 0) {
                  message[name] = {
                    case: oneofValue.case,
                    value: convert(oneofValue.value)
                  };
                  break;
                }
              }
              message[name] = { case: void 0 };
              break;
            }
          }
        }
        return message;
      };
    }
    function compileInitMessage2(desc) {
      var _a, _b;
      const properties = [];
      const prototype = {};
      const usePrototype = needsPrototypeChain2(desc);
      for (const member of desc.members) {
        const name = member.localName;
        if (member.kind == "oneof") {
          properties.push({
            name,
            kind: INIT_ONEOF2,
            constant: void 0,
            convert: compileConvertOneof2(member)
          });
          continue;
        }
        switch (member.fieldKind) {
          case "message": {
            properties.push({
              name,
              kind: INIT_SINGULAR2,
              constant: void 0,
              convert: compileConvertMessage2(member)
            });
            break;
          }
          case "list": {
            properties.push({
              name,
              kind: INIT_LIST2,
              constant: void 0,
              convert: member.listKind == "message" ? (_a = compileConvertMessage2(member)) !== null && _a !== void 0 ? _a : ((value) => value) : member.scalar == descriptors_js_1.ScalarType.BYTES ? toU8Arr2 : void 0
            });
            break;
          }
          case "map": {
            properties.push({
              name,
              kind: INIT_MAP2,
              constant: void 0,
              convert: member.mapKind == "message" ? (_b = compileConvertMessage2(member)) !== null && _b !== void 0 ? _b : ((value) => value) : member.scalar == descriptors_js_1.ScalarType.BYTES ? toU8Arr2 : void 0
            });
            break;
          }
          default: {
            const zeroValue = createZeroValue2(member);
            properties.push({
              name,
              kind: INIT_SINGULAR2,
              constant: member.presence == IMPLICIT3 ? zeroValue : void 0,
              convert: member.fieldKind == "scalar" && member.scalar == descriptors_js_1.ScalarType.BYTES ? toU8Arr2 : void 0
            });
            if (usePrototype) {
              prototype[name] = zeroValue;
            }
            break;
          }
        }
      }
      return {
        properties,
        prototype: usePrototype ? prototype : void 0
      };
    }
    function compileConvertOneof2(oneof) {
      const converters = /* @__PURE__ */ new Map();
      for (const field of oneof.fields) {
        let convert;
        if (field.fieldKind == "message") {
          convert = compileConvertMessage2(field);
        } else if (field.fieldKind == "scalar" && field.scalar == descriptors_js_1.ScalarType.BYTES) {
          convert = toU8Arr2;
        }
        converters.set(field.localName, convert !== null && convert !== void 0 ? convert : ((value) => value));
      }
      return converters;
    }
    function compileConvertMessage2(field) {
      if (field.fieldKind == "message" && !field.oneof && (0, wrappers_js_1.isWrapperDesc)(field.message)) {
        return field.message.fields[0].scalar == descriptors_js_1.ScalarType.BYTES ? toU8Arr2 : void 0;
      }
      if (field.message.typeName == "google.protobuf.Struct" && field.parent.typeName !== "google.protobuf.Value") {
        return void 0;
      }
      const messageDesc2 = field.message;
      let compiled;
      return (value) => {
        if (!(0, guard_js_1.isObject)(value) || (0, is_message_js_1.isMessage)(value, messageDesc2)) {
          return value;
        }
        compiled !== null && compiled !== void 0 ? compiled : compiled = compiledCreate2(messageDesc2);
        return compiled(value);
      };
    }
    function toU8Arr2(value) {
      return Array.isArray(value) ? new Uint8Array(value) : value;
    }
    function needsPrototypeChain2(desc) {
      switch (desc.file.edition) {
        case EDITION_PROTO33:
          return false;
        case EDITION_PROTO23:
          return true;
        default:
          return desc.fields.some((f) => f.presence != IMPLICIT3 && f.fieldKind != "message" && !f.oneof);
      }
    }
    function createZeroValue2(field) {
      const defaultValue = field.getDefaultValue();
      if (defaultValue !== void 0) {
        return field.fieldKind == "scalar" && field.longAsString ? defaultValue.toString() : defaultValue;
      }
      return field.fieldKind == "scalar" ? (0, scalar_js_1.scalarZeroValue)(field.scalar, field.longAsString) : field.enum.values[0].number;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/error.js
var require_error = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FieldError = void 0;
    exports.isFieldError = isFieldError;
    var errorNames = [
      "FieldValueInvalidError",
      "FieldListRangeError",
      "ForeignFieldError"
    ];
    var FieldError = class extends Error {
      constructor(fieldOrOneof, message, name = "FieldValueInvalidError") {
        super(message);
        this.name = name;
        this.field = () => fieldOrOneof;
      }
    };
    exports.FieldError = FieldError;
    function isFieldError(arg) {
      return arg instanceof Error && errorNames.includes(arg.name) && "field" in arg && typeof arg.field == "function";
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/text-encoding.js
var require_text_encoding = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/text-encoding.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.configureTextEncoding = configureTextEncoding2;
    exports.getTextEncoding = getTextEncoding2;
    exports.emulateEncodeInto = emulateEncodeInto2;
    var te2;
    function configureTextEncoding2(textEncoding) {
      var _a;
      te2 = Object.assign(Object.assign({}, textEncoding), { encodeUtf8Into: (_a = textEncoding.encodeUtf8Into) !== null && _a !== void 0 ? _a : emulateEncodeInto2(textEncoding.encodeUtf8.bind(textEncoding)) });
    }
    function getTextEncoding2() {
      if (!te2) {
        const globals = globalThis;
        if (!globals.TextEncoder || !globals.TextDecoder) {
          throw new Error("encoding API missing: install TextEncoder and TextDecoder on globalThis");
        }
        const textEncoder = new globals.TextEncoder();
        const textDecoder = new globals.TextDecoder("utf-8", {
          ignoreBOM: true
        });
        let textDecoderStrict;
        const config = {
          encodeUtf8(text) {
            return textEncoder.encode(text);
          },
          decodeUtf8(bytes, strict) {
            if (strict) {
              if (!textDecoderStrict) {
                textDecoderStrict = new globals.TextDecoder("utf-8", {
                  fatal: true,
                  ignoreBOM: true
                });
              }
              return textDecoderStrict.decode(bytes);
            }
            return textDecoder.decode(bytes);
          },
          checkUtf8(text) {
            try {
              encodeURIComponent(text);
              return true;
            } catch (_) {
              return false;
            }
          }
        };
        if (textEncoder.encodeInto) {
          config.encodeUtf8Into = textEncoder.encodeInto.bind(textEncoder);
        }
        const nativeStringIsWellFormed = String.prototype.isWellFormed;
        if (nativeStringIsWellFormed) {
          config.checkUtf8 = (text) => {
            return nativeStringIsWellFormed.call(text);
          };
        }
        configureTextEncoding2(config);
      }
      return te2;
    }
    function emulateEncodeInto2(encodeUtf8) {
      return (text, dest) => {
        const bytes = encodeUtf8(text);
        dest.set(bytes);
        return { written: bytes.byteLength };
      };
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/binary-encoding.js
var require_binary_encoding = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/binary-encoding.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BinaryReader = exports.BinaryWriter = exports.INT32_MIN = exports.INT32_MAX = exports.UINT32_MAX = exports.FLOAT32_MIN = exports.FLOAT32_MAX = exports.WireType = void 0;
    var varint_js_1 = require_varint();
    var proto_int64_js_1 = require_proto_int64();
    var text_encoding_js_1 = require_text_encoding();
    var WireType2;
    (function(WireType3) {
      WireType3[WireType3["Varint"] = 0] = "Varint";
      WireType3[WireType3["Bit64"] = 1] = "Bit64";
      WireType3[WireType3["LengthDelimited"] = 2] = "LengthDelimited";
      WireType3[WireType3["StartGroup"] = 3] = "StartGroup";
      WireType3[WireType3["EndGroup"] = 4] = "EndGroup";
      WireType3[WireType3["Bit32"] = 5] = "Bit32";
    })(WireType2 || (exports.WireType = WireType2 = {}));
    exports.FLOAT32_MAX = 34028234663852886e22;
    exports.FLOAT32_MIN = -34028234663852886e22;
    exports.UINT32_MAX = 4294967295;
    exports.INT32_MAX = 2147483647;
    exports.INT32_MIN = -2147483648;
    var BinaryWriter = class {
      constructor(encodeUtf8) {
        this.stackPos = [];
        this.encodeUtf8Into = encodeUtf8 ? (0, text_encoding_js_1.emulateEncodeInto)(encodeUtf8) : (0, text_encoding_js_1.getTextEncoding)().encodeUtf8Into;
        this.buffer = EMPTY_BUFFER2;
        this.viewCache = EMPTY_VIEW2;
        this.pos = 0;
      }
      ensureCapacity(size) {
        const required = this.pos + size;
        if (required > this.buffer.length) {
          let newLen = this.buffer.length || INITIAL_SIZE;
          while (newLen < required)
            newLen *= 2;
          const newBuf = new Uint8Array(newLen);
          if (this.pos > 0)
            newBuf.set(this.buffer);
          this.buffer = newBuf;
        }
      }
      /**
       * The DataView over `buffer`, rebuilt only if the buffer has grown since it
       * was last used.
       */
      view() {
        const bytes = this.buffer;
        const view = this.viewCache;
        if (view.byteLength === bytes.byteLength)
          return view;
        const newView = new DataView(bytes.buffer);
        this.viewCache = newView;
        return newView;
      }
      /**
       * Return all bytes written and reset this writer.
       */
      finish() {
        const result = this.buffer.slice(0, this.pos);
        this.pos = 0;
        this.stackPos = [];
        return result;
      }
      /**
       * Start a new fork for length-delimited data like a message
       * or a packed repeated field.
       *
       * Must be joined later with `join()`.
       */
      fork() {
        this.stackPos.push(this.pos);
        this.ensureCapacity(DEFAULT_LEN_PREFIX_SIZE);
        this.buffer[this.pos++] = 0;
        return this;
      }
      /**
       * Join the last fork. Write its length and bytes, then
       * return to the previous state.
       */
      join() {
        const forkPos = this.stackPos.pop();
        if (forkPos === void 0)
          throw new Error("invalid state, fork stack empty");
        const len = this.pos - forkPos - DEFAULT_LEN_PREFIX_SIZE;
        const lenPrefixSize = varint32Size(len);
        if (lenPrefixSize > DEFAULT_LEN_PREFIX_SIZE) {
          this.ensureCapacity(lenPrefixSize - DEFAULT_LEN_PREFIX_SIZE);
          this.buffer.copyWithin(forkPos + lenPrefixSize, forkPos + DEFAULT_LEN_PREFIX_SIZE, this.pos);
        }
        this.pos = forkPos;
        this.uint32(len);
        this.pos += len;
        return this;
      }
      /**
       * Writes a tag (field number and wire type).
       *
       * Equivalent to `uint32( (fieldNo << 3 | type) >>> 0 )`.
       *
       * Generated code should compute the tag ahead of time and call `uint32()`.
       */
      tag(fieldNo, type) {
        return this.uint32((fieldNo << 3 | type) >>> 0);
      }
      /**
       * Write a chunk of raw bytes.
       */
      raw(chunk) {
        this.ensureCapacity(chunk.length);
        this.buffer.set(chunk, this.pos);
        this.pos += chunk.length;
        return this;
      }
      /**
       * Write a `uint32` value, an unsigned 32 bit varint.
       */
      uint32(value) {
        assertUInt32(value);
        this.ensureCapacity(5);
        if (value < 128) {
          this.buffer[this.pos++] = value;
          return this;
        }
        while (value > 127) {
          this.buffer[this.pos++] = value & 127 | 128;
          value >>>= 7;
        }
        this.buffer[this.pos++] = value;
        return this;
      }
      /**
       * Write a `int32` value, a signed 32 bit varint.
       */
      int32(value) {
        assertInt32(value);
        if (value >= 0) {
          return this.uint32(value);
        }
        this.ensureCapacity(10);
        for (let i = 0; i < 9; i++) {
          this.buffer[this.pos++] = value & 127 | 128;
          value >>= 7;
        }
        this.buffer[this.pos++] = 1;
        return this;
      }
      /**
       * Write a `bool` value, a varint.
       */
      bool(value) {
        this.ensureCapacity(1);
        this.buffer[this.pos++] = value ? 1 : 0;
        return this;
      }
      /**
       * Write a `bytes` value, length-delimited arbitrary data.
       */
      bytes(value) {
        this.uint32(value.byteLength);
        return this.raw(value);
      }
      /**
       * Write a `string` value, length-delimited data converted to UTF-8 text.
       */
      string(value) {
        if (typeof value !== "string") {
          value = String(value);
        }
        const len = value.length;
        if (len <= ASCII_MAX_LENGTH2) {
          this.ensureCapacity(len + 1);
          const ascii = this.buffer;
          let pos = this.pos;
          ascii[pos++] = len;
          let i = 0;
          for (; i < len; i++) {
            const code = value.charCodeAt(i);
            if (code > 127)
              break;
            ascii[pos++] = code;
          }
          if (i == len) {
            this.pos = pos;
            return this;
          }
        }
        this.ensureCapacity(len * 3 + 5);
        const lenPrefixSizeGuess = varint32Size(len);
        const buf = this.buffer;
        const start = this.pos;
        const { written } = this.encodeUtf8Into(value, buf.subarray(start + lenPrefixSizeGuess));
        const lenPrefixSize = varint32Size(written);
        if (lenPrefixSize != lenPrefixSizeGuess) {
          buf.copyWithin(start + lenPrefixSize, start + lenPrefixSizeGuess, start + lenPrefixSizeGuess + written);
        }
        this.uint32(written);
        this.pos += written;
        return this;
      }
      /**
       * Write a `float` value, 32-bit floating point number.
       */
      float(value) {
        assertFloat32(value);
        this.ensureCapacity(4);
        this.view().setFloat32(this.pos, value, true);
        this.pos += 4;
        return this;
      }
      /**
       * Write a `double` value, a 64-bit floating point number.
       */
      double(value) {
        this.ensureCapacity(8);
        this.view().setFloat64(this.pos, value, true);
        this.pos += 8;
        return this;
      }
      /**
       * Write a `fixed32` value, an unsigned, fixed-length 32-bit integer.
       */
      fixed32(value) {
        assertUInt32(value);
        this.ensureCapacity(4);
        this.view().setUint32(this.pos, value, true);
        this.pos += 4;
        return this;
      }
      /**
       * Write a `sfixed32` value, a signed, fixed-length 32-bit integer.
       */
      sfixed32(value) {
        assertInt32(value);
        this.ensureCapacity(4);
        this.view().setInt32(this.pos, value, true);
        this.pos += 4;
        return this;
      }
      /**
       * Write a `sint32` value, a signed, zigzag-encoded 32-bit varint.
       */
      sint32(value) {
        assertInt32(value);
        return this.uint32((value << 1 ^ value >> 31) >>> 0);
      }
      /**
       * Write a `sfixed64` value, a signed, fixed-length 64-bit integer.
       */
      sfixed64(value) {
        const tc = proto_int64_js_1.protoInt64.enc(value);
        this.ensureCapacity(8);
        const view = this.view();
        view.setInt32(this.pos, tc.lo, true);
        view.setInt32(this.pos + 4, tc.hi, true);
        this.pos += 8;
        return this;
      }
      /**
       * Write a `fixed64` value, an unsigned, fixed-length 64 bit integer.
       */
      fixed64(value) {
        const tc = proto_int64_js_1.protoInt64.uEnc(value);
        this.ensureCapacity(8);
        const view = this.view();
        view.setInt32(this.pos, tc.lo, true);
        view.setInt32(this.pos + 4, tc.hi, true);
        this.pos += 8;
        return this;
      }
      /**
       * Write a `int64` value, a signed 64-bit varint.
       */
      int64(value) {
        const tc = proto_int64_js_1.protoInt64.enc(value);
        return this.writeVarint64(tc.lo, tc.hi);
      }
      /**
       * Write a `sint64` value, a signed, zig-zag-encoded 64-bit varint.
       */
      sint64(value) {
        const tc = proto_int64_js_1.protoInt64.enc(value), sign = tc.hi >> 31, lo = tc.lo << 1 ^ sign, hi = (tc.hi << 1 | tc.lo >>> 31) ^ sign;
        return this.writeVarint64(lo, hi);
      }
      /**
       * Write a `uint64` value, an unsigned 64-bit varint.
       */
      uint64(value) {
        const tc = proto_int64_js_1.protoInt64.uEnc(value);
        return this.writeVarint64(tc.lo, tc.hi);
      }
      /**
       * Write a 64-bit varint directly into the buffer. Accepts the value as
       * split low/high 32-bit words.
       *
       * Ported from varint64write() to avoid the intermediate number[] buffer.
       * See https://github.com/protocolbuffers/protobuf/blob/8a71927d74a4ce34efe2d8769fda198f52d20d12/js/experimental/runtime/kernel/writer.js#L344
       */
      writeVarint64(lo, hi) {
        this.ensureCapacity(10);
        const buf = this.buffer;
        let pos = this.pos;
        for (let i = 0; i < 28; i = i + 7) {
          const shift = lo >>> i;
          const hasNext = !(shift >>> 7 == 0 && hi == 0);
          buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
          if (!hasNext) {
            this.pos = pos;
            return this;
          }
        }
        const splitBits = lo >>> 28 & 15 | (hi & 7) << 4;
        const hasMoreBits = !(hi >> 3 == 0);
        buf[pos++] = (hasMoreBits ? splitBits | 128 : splitBits) & 255;
        if (!hasMoreBits) {
          this.pos = pos;
          return this;
        }
        for (let i = 3; i < 31; i = i + 7) {
          const shift = hi >>> i;
          const hasNext = !(shift >>> 7 == 0);
          buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
          if (!hasNext) {
            this.pos = pos;
            return this;
          }
        }
        buf[pos++] = hi >>> 31 & 1;
        this.pos = pos;
        return this;
      }
    };
    exports.BinaryWriter = BinaryWriter;
    var INITIAL_SIZE = 128;
    var DEFAULT_LEN_PREFIX_SIZE = 1;
    var EMPTY_BUFFER2 = new Uint8Array(0);
    var EMPTY_VIEW2 = new DataView(EMPTY_BUFFER2.buffer);
    var ASCII_MAX_LENGTH2 = 32;
    function varint32Size(value) {
      if (value < 128)
        return 1;
      if (value < 16384)
        return 2;
      if (value < 2097152)
        return 3;
      if (value < 268435456)
        return 4;
      return 5;
    }
    var BinaryReader2 = class {
      constructor(buf, decodeUtf8 = (0, text_encoding_js_1.getTextEncoding)().decodeUtf8) {
        this.decodeUtf8 = decodeUtf8;
        this.varint64Lo = 0;
        this.varint64Hi = 0;
        this.varint64 = varint_js_1.varint64read;
        this.uint32 = varint_js_1.varint32read;
        this.buf = buf;
        this.len = buf.length;
        this.pos = 0;
        this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      /**
       * Reads a tag - field number and wire type. Tags are uint32 varints; values
       * that do not fit in uint32 are rejected.
       */
      tag() {
        const start = this.pos;
        const tag = this.uint32();
        const bytesRead = this.pos - start;
        if (bytesRead > 5 || bytesRead == 5 && this.buf[this.pos - 1] > 15) {
          throw new Error("illegal tag: varint overflows uint32");
        }
        const fieldNo = tag >>> 3;
        const wireType = tag & 7;
        if (fieldNo <= 0 || wireType > 5) {
          throw new Error("illegal tag: field no " + fieldNo + " wire type " + wireType);
        }
        return [fieldNo, wireType];
      }
      /**
       * Skip one element and return the skipped data.
       *
       * When skipping StartGroup, provide the tags field number to check for
       * matching field number in the EndGroup tag. Recursion into nested groups
       * is guarded by the `recursionLimit` argument: When the limit is reached,
       * this method throws.
       */
      skip(wireType, fieldNo, recursionLimit = 100) {
        let start = this.pos;
        switch (wireType) {
          case WireType2.Varint:
            while (this.buf[this.pos++] & 128) {
            }
            break;
          // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
          case WireType2.Bit64:
            this.pos += 4;
          case WireType2.Bit32:
            this.pos += 4;
            break;
          case WireType2.LengthDelimited:
            let len = this.uint32();
            this.pos += len;
            break;
          case WireType2.StartGroup:
            if (recursionLimit <= 0) {
              throw new Error("maximum recursion depth reached");
            }
            for (; ; ) {
              const [fn, wt] = this.tag();
              if (wt === WireType2.EndGroup) {
                if (fieldNo !== void 0 && fn !== fieldNo) {
                  throw new Error("invalid end group tag");
                }
                break;
              }
              this.skip(wt, fn, recursionLimit - 1);
            }
            break;
          default:
            throw new Error("cant skip wire type " + wireType);
        }
        this.assertBounds();
        return this.buf.subarray(start, this.pos);
      }
      /**
       * Throws error if position in byte array is out of range.
       */
      assertBounds() {
        if (this.pos > this.len)
          throw new RangeError("premature EOF");
      }
      /**
       * Read a `int32` field, a signed 32 bit varint.
       */
      int32() {
        return this.uint32() | 0;
      }
      /**
       * Read a `sint32` field, a signed, zigzag-encoded 32-bit varint.
       */
      sint32() {
        let zze = this.uint32();
        return zze >>> 1 ^ -(zze & 1);
      }
      /**
       * Read a `int64` field, a signed 64-bit varint.
       */
      int64() {
        this.varint64();
        return proto_int64_js_1.protoInt64.dec(this.varint64Lo, this.varint64Hi);
      }
      /**
       * Read a `uint64` field, an unsigned 64-bit varint.
       */
      uint64() {
        this.varint64();
        return proto_int64_js_1.protoInt64.uDec(this.varint64Lo, this.varint64Hi);
      }
      /**
       * Read a `sint64` field, a signed, zig-zag-encoded 64-bit varint.
       */
      sint64() {
        this.varint64();
        let lo = this.varint64Lo;
        let hi = this.varint64Hi;
        let s = -(lo & 1);
        lo = (lo >>> 1 | (hi & 1) << 31) ^ s;
        hi = hi >>> 1 ^ s;
        return proto_int64_js_1.protoInt64.dec(lo, hi);
      }
      /**
       * Read a `bool` field, a variant.
       */
      bool() {
        const b = this.buf[this.pos];
        if (b < 128) {
          this.pos++;
          return b !== 0;
        }
        this.varint64();
        return this.varint64Lo !== 0 || this.varint64Hi !== 0;
      }
      /**
       * Read a `fixed32` field, an unsigned, fixed-length 32-bit integer.
       */
      fixed32() {
        return this.view.getUint32((this.pos += 4) - 4, true);
      }
      /**
       * Read a `sfixed32` field, a signed, fixed-length 32-bit integer.
       */
      sfixed32() {
        return this.view.getInt32((this.pos += 4) - 4, true);
      }
      /**
       * Read a `fixed64` field, an unsigned, fixed-length 64 bit integer.
       */
      fixed64() {
        return proto_int64_js_1.protoInt64.uDec(this.sfixed32(), this.sfixed32());
      }
      /**
       * Read a `fixed64` field, a signed, fixed-length 64-bit integer.
       */
      sfixed64() {
        return proto_int64_js_1.protoInt64.dec(this.sfixed32(), this.sfixed32());
      }
      /**
       * Read a `float` field, 32-bit floating point number.
       */
      float() {
        return this.view.getFloat32((this.pos += 4) - 4, true);
      }
      /**
       * Read a `double` field, a 64-bit floating point number.
       */
      double() {
        return this.view.getFloat64((this.pos += 8) - 8, true);
      }
      /**
       * Read a `bytes` field, length-delimited arbitrary data.
       */
      bytes() {
        let len = this.uint32(), start = this.pos;
        this.pos += len;
        this.assertBounds();
        return this.buf.subarray(start, start + len);
      }
      /**
       * Read a `string` field, length-delimited data converted to UTF-8 text. If
       * `strict` is true, throw on invalid UTF-8 instead of substituting U+FFFD.
       */
      string(strict) {
        const len = this.uint32();
        const start = this.pos;
        this.pos += len;
        this.assertBounds();
        const buf = this.buf;
        if (len <= ASCII_MAX_LENGTH2) {
          const codes = new Array(len);
          for (let i = 0; i < len; i++) {
            const byte = buf[start + i];
            if (byte > 127) {
              return this.decodeUtf8(buf.subarray(start, this.pos), strict);
            }
            codes[i] = byte;
          }
          return String.fromCharCode.apply(String, codes);
        }
        return this.decodeUtf8(buf.subarray(start, this.pos), strict);
      }
    };
    exports.BinaryReader = BinaryReader2;
    function assertInt32(arg) {
      if (typeof arg == "string") {
        arg = Number(arg);
      } else if (typeof arg != "number") {
        throw new Error("invalid int32: " + typeof arg);
      }
      if (!Number.isInteger(arg) || arg > exports.INT32_MAX || arg < exports.INT32_MIN)
        throw new Error("invalid int32: " + arg);
    }
    function assertUInt32(arg) {
      if (typeof arg == "string") {
        arg = Number(arg);
      } else if (typeof arg != "number") {
        throw new Error("invalid uint32: " + typeof arg);
      }
      if (!Number.isInteger(arg) || arg > exports.UINT32_MAX || arg < 0)
        throw new Error("invalid uint32: " + arg);
    }
    function assertFloat32(arg) {
      if (typeof arg == "string") {
        const o = arg;
        arg = Number(arg);
        if (Number.isNaN(arg) && o !== "NaN") {
          throw new Error("invalid float32: " + o);
        }
      } else if (typeof arg != "number") {
        throw new Error("invalid float32: " + typeof arg);
      }
      if (!Number.isFinite(Math.fround(arg)) && Number.isFinite(arg)) {
        throw new Error("invalid float32: " + arg);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/reflect-check.js
var require_reflect_check = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/reflect-check.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkField = checkField;
    exports.checkListItem = checkListItem;
    exports.checkMapEntry = checkMapEntry;
    exports.checkScalarValue = checkScalarValue;
    exports.reasonSingular = reasonSingular;
    exports.formatVal = formatVal;
    var descriptors_js_1 = require_descriptors();
    var is_message_js_1 = require_is_message();
    var error_js_1 = require_error();
    var guard_js_1 = require_guard();
    var binary_encoding_js_1 = require_binary_encoding();
    var text_encoding_js_1 = require_text_encoding();
    var proto_int64_js_1 = require_proto_int64();
    function checkField(field, value) {
      const check = field.fieldKind == "list" ? (0, guard_js_1.isReflectList)(value, field) : field.fieldKind == "map" ? (0, guard_js_1.isReflectMap)(value, field) : checkSingular(field, value);
      if (check === true) {
        return void 0;
      }
      let reason;
      switch (field.fieldKind) {
        case "list":
          reason = `expected ${formatReflectList(field)}, got ${formatVal(value)}`;
          break;
        case "map":
          reason = `expected ${formatReflectMap(field)}, got ${formatVal(value)}`;
          break;
        default: {
          reason = reasonSingular(field, value, check);
        }
      }
      return new error_js_1.FieldError(field, reason);
    }
    function checkListItem(field, index, value) {
      const check = checkSingular(field, value);
      if (check !== true) {
        return new error_js_1.FieldError(field, `list item #${index + 1}: ${reasonSingular(field, value, check)}`);
      }
      return void 0;
    }
    function checkMapEntry(field, key, value) {
      const checkKey = checkScalarValue(field.mapKey)(key);
      if (checkKey !== true) {
        return new error_js_1.FieldError(field, `invalid map key: ${reasonSingular({ scalar: field.mapKey }, key, checkKey)}`);
      }
      const checkVal = checkSingular(field, value);
      if (checkVal !== true) {
        return new error_js_1.FieldError(field, `map entry ${formatVal(key)}: ${reasonSingular(field, value, checkVal)}`);
      }
      return void 0;
    }
    function checkSingular(field, value) {
      if (field.scalar !== void 0) {
        return checkScalarValue(field.scalar)(value);
      }
      if (field.enum !== void 0) {
        if (field.enum.open) {
          return checkScalarValue(descriptors_js_1.ScalarType.INT32)(value);
        }
        return field.enum.values.some((v) => v.number === value);
      }
      return (0, guard_js_1.isReflectMessage)(value, field.message);
    }
    function checkScalarValue(scalar) {
      switch (scalar) {
        case descriptors_js_1.ScalarType.DOUBLE:
          return (value) => typeof value == "number";
        case descriptors_js_1.ScalarType.FLOAT:
          return (value) => {
            if (typeof value != "number") {
              return false;
            }
            if (!Number.isFinite(Math.fround(value)) && Number.isFinite(value)) {
              return `${value.toFixed()} out of range`;
            }
            return true;
          };
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32:
          return (value) => {
            if (typeof value !== "number" || !Number.isInteger(value)) {
              return false;
            }
            if (value > binary_encoding_js_1.INT32_MAX || value < binary_encoding_js_1.INT32_MIN) {
              return `${value.toFixed()} out of range`;
            }
            return true;
          };
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.UINT32:
          return (value) => {
            if (typeof value !== "number" || !Number.isInteger(value)) {
              return false;
            }
            if (value > binary_encoding_js_1.UINT32_MAX || value < 0) {
              return `${value.toFixed()} out of range`;
            }
            return true;
          };
        case descriptors_js_1.ScalarType.BOOL:
          return (value) => typeof value == "boolean";
        case descriptors_js_1.ScalarType.STRING:
          return (value) => {
            if (typeof value != "string") {
              return false;
            }
            return (0, text_encoding_js_1.getTextEncoding)().checkUtf8(value) || "invalid UTF8";
          };
        case descriptors_js_1.ScalarType.BYTES:
          return (value) => value instanceof Uint8Array;
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return (value) => {
            if (typeof value == "bigint" || typeof value == "number" || typeof value == "string" && value.length > 0) {
              try {
                proto_int64_js_1.protoInt64.parse(value);
                return true;
              } catch (_) {
                return `${value} out of range`;
              }
            }
            return false;
          };
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.UINT64:
          return (value) => {
            if (typeof value == "bigint" || typeof value == "number" || typeof value == "string" && value.length > 0) {
              try {
                proto_int64_js_1.protoInt64.uParse(value);
                return true;
              } catch (_) {
                return `${value} out of range`;
              }
            }
            return false;
          };
      }
    }
    function reasonSingular(field, val, details) {
      details = typeof details == "string" ? `: ${details}` : `, got ${formatVal(val)}`;
      if (field.scalar !== void 0) {
        return `expected ${scalarTypeDescription(field.scalar)}` + details;
      }
      if (field.enum !== void 0) {
        return `expected ${field.enum.toString()}` + details;
      }
      return `expected ${formatReflectMessage(field.message)}` + details;
    }
    function formatVal(val) {
      switch (typeof val) {
        case "object":
          if (val === null) {
            return "null";
          }
          if (val instanceof Uint8Array) {
            return `Uint8Array(${val.length})`;
          }
          if (Array.isArray(val)) {
            return `Array(${val.length})`;
          }
          if ((0, guard_js_1.isReflectList)(val)) {
            return formatReflectList(val.field());
          }
          if ((0, guard_js_1.isReflectMap)(val)) {
            return formatReflectMap(val.field());
          }
          if ((0, guard_js_1.isReflectMessage)(val)) {
            return formatReflectMessage(val.desc);
          }
          if ((0, is_message_js_1.isMessage)(val)) {
            return `message ${val.$typeName}`;
          }
          return "object";
        case "string":
          return val.length > 30 ? "string" : `"${val.split('"').join('\\"')}"`;
        case "boolean":
          return String(val);
        case "number":
          return String(val);
        case "bigint":
          return String(val) + "n";
        default:
          return typeof val;
      }
    }
    function formatReflectMessage(desc) {
      return `ReflectMessage (${desc.typeName})`;
    }
    function formatReflectList(field) {
      switch (field.listKind) {
        case "message":
          return `ReflectList (${field.message.toString()})`;
        case "enum":
          return `ReflectList (${field.enum.toString()})`;
        case "scalar":
          return `ReflectList (${descriptors_js_1.ScalarType[field.scalar]})`;
      }
    }
    function formatReflectMap(field) {
      switch (field.mapKind) {
        case "message":
          return `ReflectMap (${descriptors_js_1.ScalarType[field.mapKey]}, ${field.message.toString()})`;
        case "enum":
          return `ReflectMap (${descriptors_js_1.ScalarType[field.mapKey]}, ${field.enum.toString()})`;
        case "scalar":
          return `ReflectMap (${descriptors_js_1.ScalarType[field.mapKey]}, ${descriptors_js_1.ScalarType[field.scalar]})`;
      }
    }
    function scalarTypeDescription(scalar) {
      switch (scalar) {
        case descriptors_js_1.ScalarType.STRING:
          return "string";
        case descriptors_js_1.ScalarType.BOOL:
          return "boolean";
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SINT64:
        case descriptors_js_1.ScalarType.SFIXED64:
          return "bigint (int64)";
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
          return "bigint (uint64)";
        case descriptors_js_1.ScalarType.BYTES:
          return "Uint8Array";
        case descriptors_js_1.ScalarType.DOUBLE:
          return "number (float64)";
        case descriptors_js_1.ScalarType.FLOAT:
          return "number (float32)";
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.UINT32:
          return "number (uint32)";
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32:
          return "number (int32)";
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/message.js
var require_message = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.localMessageMapper = localMessageMapper2;
    exports.wktStructToReflect = wktStructToReflect2;
    exports.wktStructToLocal = wktStructToLocal2;
    var create_js_1 = require_create();
    var guard_js_1 = require_guard();
    var unsafe_js_1 = require_unsafe();
    var wrappers_js_1 = require_wrappers();
    var NULL_VALUE2 = 0;
    function localMessageMapper2(field) {
      if (usesJsonRepresentation2(field)) {
        return {
          toMessage: (local) => wktStructToReflect2(local),
          toLocal: (message) => wktStructToLocal2(message)
        };
      }
      if (field.fieldKind == "message" && !field.oneof && (0, wrappers_js_1.isWrapperDesc)(field.message)) {
        const wrapperDesc = field.message;
        const valueLocalName = wrapperDesc.fields[0].localName;
        return {
          toMessage: (local) => {
            const message = (0, create_js_1.create)(wrapperDesc);
            if (local !== void 0) {
              message[valueLocalName] = local;
            }
            return message;
          },
          toLocal: (message) => message[valueLocalName]
        };
      }
      const childDesc = field.message;
      return {
        toMessage: (local) => local === void 0 ? (0, create_js_1.create)(childDesc) : local,
        toLocal: (message) => message
      };
    }
    function usesJsonRepresentation2(field) {
      return field.message.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value";
    }
    function wktStructToReflect2(json) {
      const struct = {
        $typeName: "google.protobuf.Struct",
        fields: {}
      };
      if ((0, guard_js_1.isObject)(json)) {
        for (const k of Object.keys(json)) {
          (0, unsafe_js_1.setOwn)(struct.fields, k, wktValueToReflect2(json[k]));
        }
      }
      return struct;
    }
    function wktStructToLocal2(val) {
      const json = {};
      for (const k of Object.keys(val.fields)) {
        (0, unsafe_js_1.setOwn)(json, k, wktValueToLocal2(val.fields[k]));
      }
      return json;
    }
    function wktValueToLocal2(val) {
      switch (val.kind.case) {
        case "structValue":
          return wktStructToLocal2(val.kind.value);
        case "listValue":
          return val.kind.value.values.map(wktValueToLocal2);
        case "nullValue":
        case void 0:
          return null;
        default:
          return val.kind.value;
      }
    }
    function wktValueToReflect2(json) {
      const value = {
        $typeName: "google.protobuf.Value",
        kind: { case: void 0 }
      };
      switch (typeof json) {
        case "number":
          value.kind = { case: "numberValue", value: json };
          break;
        case "string":
          value.kind = { case: "stringValue", value: json };
          break;
        case "boolean":
          value.kind = { case: "boolValue", value: json };
          break;
        case "object":
          if (json === null) {
            value.kind = { case: "nullValue", value: NULL_VALUE2 };
          } else if (Array.isArray(json)) {
            const listValue = {
              $typeName: "google.protobuf.ListValue",
              values: []
            };
            if (Array.isArray(json)) {
              for (const e of json) {
                listValue.values.push(wktValueToReflect2(e));
              }
            }
            value.kind = {
              case: "listValue",
              value: listValue
            };
          } else {
            value.kind = {
              case: "structValue",
              value: wktStructToReflect2(json)
            };
          }
          break;
      }
      return value;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/reflect.js
var require_reflect = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/reflect.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reflect = reflect;
    exports.reflectList = reflectList;
    exports.reflectMap = reflectMap;
    var descriptors_js_1 = require_descriptors();
    var reflect_check_js_1 = require_reflect_check();
    var error_js_1 = require_error();
    var unsafe_js_1 = require_unsafe();
    var create_js_1 = require_create();
    var wrappers_js_1 = require_wrappers();
    var scalar_js_1 = require_scalar();
    var proto_int64_js_1 = require_proto_int64();
    var guard_js_1 = require_guard();
    var message_js_1 = require_message();
    function reflect(messageDesc2, message, check = true) {
      return new ReflectMessageImpl(messageDesc2, message, check);
    }
    var messageSortedFields = /* @__PURE__ */ new WeakMap();
    var ReflectMessageImpl = class {
      get sortedFields() {
        const cached = messageSortedFields.get(this.desc);
        if (cached) {
          return cached;
        }
        const sortedFields = this.desc.fields.concat().sort((a, b) => a.number - b.number);
        messageSortedFields.set(this.desc, sortedFields);
        return sortedFields;
      }
      constructor(messageDesc2, message, check = true) {
        this.lists = /* @__PURE__ */ new Map();
        this.maps = /* @__PURE__ */ new Map();
        this.check = check;
        this.desc = messageDesc2;
        this.message = this[unsafe_js_1.unsafeLocal] = message !== null && message !== void 0 ? message : (0, create_js_1.create)(messageDesc2);
        this.fields = messageDesc2.fields;
        this.oneofs = messageDesc2.oneofs;
        this.members = messageDesc2.members;
      }
      findNumber(number) {
        if (!this._fieldsByNumber) {
          this._fieldsByNumber = new Map(this.desc.fields.map((f) => [f.number, f]));
        }
        return this._fieldsByNumber.get(number);
      }
      oneofCase(oneof) {
        assertOwn(this.message, oneof);
        return (0, unsafe_js_1.unsafeOneofCase)(this.message, oneof);
      }
      isSet(field) {
        assertOwn(this.message, field);
        return (0, unsafe_js_1.unsafeIsSet)(this.message, field);
      }
      clear(field) {
        assertOwn(this.message, field);
        (0, unsafe_js_1.unsafeClear)(this.message, field);
      }
      get(field) {
        assertOwn(this.message, field);
        const value = (0, unsafe_js_1.unsafeGet)(this.message, field);
        switch (field.fieldKind) {
          case "list":
            let list = this.lists.get(field);
            if (!list || list[unsafe_js_1.unsafeLocal] !== value) {
              this.lists.set(
                field,
                // biome-ignore lint/suspicious/noAssignInExpressions: no
                list = new ReflectListImpl(field, value, this.check)
              );
            }
            return list;
          case "map":
            let map = this.maps.get(field);
            if (!map || map[unsafe_js_1.unsafeLocal] !== value) {
              this.maps.set(
                field,
                // biome-ignore lint/suspicious/noAssignInExpressions: no
                map = new ReflectMapImpl(field, value, this.check)
              );
            }
            return map;
          case "message":
            return messageToReflect(field, value, this.check);
          case "scalar":
            return value === void 0 ? (0, scalar_js_1.scalarZeroValue)(field.scalar, false) : longToReflect(field, value);
          case "enum":
            return value !== null && value !== void 0 ? value : field.enum.values[0].number;
        }
      }
      set(field, value) {
        assertOwn(this.message, field);
        if (this.check) {
          const err = (0, reflect_check_js_1.checkField)(field, value);
          if (err) {
            throw err;
          }
        }
        let local;
        if (field.fieldKind == "message") {
          local = messageToLocal(field, value);
        } else if ((0, guard_js_1.isReflectMap)(value) || (0, guard_js_1.isReflectList)(value)) {
          local = value[unsafe_js_1.unsafeLocal];
        } else {
          local = longToLocal(field, value);
        }
        (0, unsafe_js_1.unsafeSet)(this.message, field, local);
      }
      getUnknown() {
        return this.message.$unknown;
      }
      setUnknown(value) {
        this.message.$unknown = value;
      }
    };
    function assertOwn(owner, member) {
      if (member.parent.typeName !== owner.$typeName) {
        throw new error_js_1.FieldError(member, `cannot use ${member.toString()} with message ${owner.$typeName}`, "ForeignFieldError");
      }
    }
    function reflectList(field, unsafeInput, check = true) {
      return new ReflectListImpl(field, unsafeInput !== null && unsafeInput !== void 0 ? unsafeInput : [], check);
    }
    var ReflectListImpl = class {
      field() {
        return this._field;
      }
      get size() {
        return this._arr.length;
      }
      constructor(field, unsafeInput, check) {
        this._field = field;
        this._arr = this[unsafe_js_1.unsafeLocal] = unsafeInput;
        this.check = check;
      }
      get(index) {
        const item = this._arr[index];
        return item === void 0 ? void 0 : listItemToReflect(this._field, item, this.check);
      }
      set(index, item) {
        if (index < 0 || index >= this._arr.length) {
          throw new error_js_1.FieldError(this._field, `list item #${index + 1}: out of range`);
        }
        if (this.check) {
          const err = (0, reflect_check_js_1.checkListItem)(this._field, index, item);
          if (err) {
            throw err;
          }
        }
        this._arr[index] = listItemToLocal(this._field, item);
      }
      add(item) {
        if (this.check) {
          const err = (0, reflect_check_js_1.checkListItem)(this._field, this._arr.length, item);
          if (err) {
            throw err;
          }
        }
        this._arr.push(listItemToLocal(this._field, item));
        return void 0;
      }
      clear() {
        this._arr.splice(0, this._arr.length);
      }
      [Symbol.iterator]() {
        return this.values();
      }
      keys() {
        return this._arr.keys();
      }
      *values() {
        for (const item of this._arr) {
          yield listItemToReflect(this._field, item, this.check);
        }
      }
      *entries() {
        for (let i = 0; i < this._arr.length; i++) {
          yield [i, listItemToReflect(this._field, this._arr[i], this.check)];
        }
      }
    };
    function reflectMap(field, unsafeInput, check = true) {
      return new ReflectMapImpl(field, unsafeInput, check);
    }
    var ReflectMapImpl = class {
      constructor(field, unsafeInput, check = true) {
        this.obj = this[unsafe_js_1.unsafeLocal] = unsafeInput !== null && unsafeInput !== void 0 ? unsafeInput : {};
        this.check = check;
        this._field = field;
      }
      field() {
        return this._field;
      }
      set(key, value) {
        if (this.check) {
          const err = (0, reflect_check_js_1.checkMapEntry)(this._field, key, value);
          if (err) {
            throw err;
          }
        }
        (0, unsafe_js_1.setOwn)(this.obj, mapKeyToLocal(key), mapValueToLocal(this._field, value));
        return this;
      }
      delete(key) {
        const k = mapKeyToLocal(key);
        const has = Object.prototype.hasOwnProperty.call(this.obj, k);
        if (has) {
          delete this.obj[k];
        }
        return has;
      }
      clear() {
        for (const key of Object.keys(this.obj)) {
          delete this.obj[key];
        }
      }
      get(key) {
        let val = (0, unsafe_js_1.getOwn)(this.obj, mapKeyToLocal(key));
        if (val !== void 0) {
          val = mapValueToReflect(this._field, val, this.check);
        }
        return val;
      }
      has(key) {
        return Object.prototype.hasOwnProperty.call(this.obj, mapKeyToLocal(key));
      }
      *keys() {
        for (const objKey of Object.keys(this.obj)) {
          yield mapKeyToReflect(objKey, this._field.mapKey);
        }
      }
      *entries() {
        for (const objEntry of Object.entries(this.obj)) {
          yield [
            mapKeyToReflect(objEntry[0], this._field.mapKey),
            mapValueToReflect(this._field, objEntry[1], this.check)
          ];
        }
      }
      [Symbol.iterator]() {
        return this.entries();
      }
      get size() {
        return Object.keys(this.obj).length;
      }
      *values() {
        for (const val of Object.values(this.obj)) {
          yield mapValueToReflect(this._field, val, this.check);
        }
      }
      forEach(callbackfn, thisArg) {
        for (const mapEntry of this.entries()) {
          callbackfn.call(thisArg, mapEntry[1], mapEntry[0], this);
        }
      }
    };
    function messageToLocal(field, value) {
      if (!(0, guard_js_1.isReflectMessage)(value)) {
        return value;
      }
      if ((0, wrappers_js_1.isWrapper)(value.message) && !field.oneof && field.fieldKind == "message") {
        return value.message.value;
      }
      if (value.desc.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value") {
        return (0, message_js_1.wktStructToLocal)(value.message);
      }
      return value.message;
    }
    function messageToReflect(field, value, check) {
      if (value !== void 0) {
        if ((0, wrappers_js_1.isWrapperDesc)(field.message) && !field.oneof && field.fieldKind == "message") {
          value = {
            $typeName: field.message.typeName,
            value: longToReflect(field.message.fields[0], value)
          };
        } else if (field.message.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value" && (0, guard_js_1.isObject)(value)) {
          value = (0, message_js_1.wktStructToReflect)(value);
        }
      }
      return new ReflectMessageImpl(field.message, value, check);
    }
    function listItemToLocal(field, value) {
      if (field.listKind == "message") {
        return messageToLocal(field, value);
      }
      return longToLocal(field, value);
    }
    function listItemToReflect(field, value, check) {
      if (field.listKind == "message") {
        return messageToReflect(field, value, check);
      }
      return longToReflect(field, value);
    }
    function mapValueToLocal(field, value) {
      if (field.mapKind == "message") {
        return messageToLocal(field, value);
      }
      return longToLocal(field, value);
    }
    function mapValueToReflect(field, value, check) {
      if (field.mapKind == "message") {
        return messageToReflect(field, value, check);
      }
      return value;
    }
    function mapKeyToLocal(key) {
      return typeof key == "string" || typeof key == "number" ? key : String(key);
    }
    function mapKeyToReflect(key, type) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return key;
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.UINT32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32: {
          const n = Number.parseInt(key);
          if (Number.isFinite(n)) {
            return n;
          }
          break;
        }
        case descriptors_js_1.ScalarType.BOOL:
          switch (key) {
            case "true":
              return true;
            case "false":
              return false;
          }
          break;
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
          try {
            return proto_int64_js_1.protoInt64.uParse(key);
          } catch (_a) {
          }
          break;
        default:
          try {
            return proto_int64_js_1.protoInt64.parse(key);
          } catch (_b) {
          }
          break;
      }
      return key;
    }
    function longToReflect(field, value) {
      switch (field.scalar) {
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          if ("longAsString" in field && field.longAsString && typeof value == "string") {
            value = proto_int64_js_1.protoInt64.parse(value);
          }
          break;
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.UINT64:
          if ("longAsString" in field && field.longAsString && typeof value == "string") {
            value = proto_int64_js_1.protoInt64.uParse(value);
          }
          break;
      }
      return value;
    }
    function longToLocal(field, value) {
      switch (field.scalar) {
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          if ("longAsString" in field && field.longAsString) {
            value = String(value);
          } else if (typeof value == "string" || typeof value == "number") {
            value = proto_int64_js_1.protoInt64.parse(value);
          }
          break;
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.UINT64:
          if ("longAsString" in field && field.longAsString) {
            value = String(value);
          } else if (typeof value == "string" || typeof value == "number") {
            value = proto_int64_js_1.protoInt64.uParse(value);
          }
          break;
      }
      return value;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/clone.js
var require_clone = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/clone.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.clone = clone;
    var descriptors_js_1 = require_descriptors();
    var reflect_js_1 = require_reflect();
    var guard_js_1 = require_guard();
    function clone(schema, message) {
      return cloneReflect((0, reflect_js_1.reflect)(schema, message)).message;
    }
    function cloneReflect(i) {
      const o = (0, reflect_js_1.reflect)(i.desc);
      for (const f of i.fields) {
        if (!i.isSet(f)) {
          continue;
        }
        switch (f.fieldKind) {
          case "list":
            const list = o.get(f);
            for (const item of i.get(f)) {
              list.add(cloneSingular(f, item));
            }
            break;
          case "map":
            const map = o.get(f);
            for (const entry of i.get(f).entries()) {
              map.set(entry[0], cloneSingular(f, entry[1]));
            }
            break;
          default: {
            o.set(f, cloneSingular(f, i.get(f)));
            break;
          }
        }
      }
      const unknown = i.getUnknown();
      if (unknown && unknown.length > 0) {
        o.setUnknown([...unknown]);
      }
      return o;
    }
    function cloneSingular(field, value) {
      if (field.message !== void 0 && (0, guard_js_1.isReflectMessage)(value)) {
        return cloneReflect(value);
      }
      if (field.scalar == descriptors_js_1.ScalarType.BYTES && value instanceof Uint8Array) {
        return value.slice();
      }
      return value;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/base64-encoding.js
var require_base64_encoding = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/base64-encoding.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.base64Decode = base64Decode2;
    exports.base64Encode = base64Encode2;
    var nativeSetFromBase642 = Uint8Array.prototype.setFromBase64;
    function base64Decode2(base64Str) {
      const len = base64Str.length;
      let size = len - (len + 3 >> 2);
      if ((len & 3) == 0 && base64Str[len - 1] == "=") {
        size -= base64Str[len - 2] == "=" ? 2 : 1;
      }
      const bytes = new Uint8Array(size);
      let written = -1;
      if (nativeSetFromBase642) {
        try {
          const result = nativeSetFromBase642.call(bytes, base64Str);
          if (result.read == len) {
            written = result.written;
          }
        } catch (_a) {
        }
      }
      if (written < 0) {
        written = setFromBase642(bytes, base64Str);
      }
      return written == size ? bytes : bytes.subarray(0, written);
    }
    function setFromBase642(bytes, base64Str) {
      const table = getDecodeTable2();
      let bytePos = 0, groupPos = 0, b, p = 0;
      for (let i = 0; i < base64Str.length; i++) {
        b = table[base64Str.charCodeAt(i)];
        if (b === void 0) {
          switch (base64Str[i]) {
            // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
            case "=":
              groupPos = 0;
            // reset state when padding found
            case "\n":
            case "\r":
            case "	":
            case " ":
              continue;
            // skip white-space, and padding
            default:
              throw Error("invalid base64 string");
          }
        }
        switch (groupPos) {
          case 0:
            p = b;
            groupPos = 1;
            break;
          case 1:
            bytes[bytePos++] = p << 2 | (b & 48) >> 4;
            p = b;
            groupPos = 2;
            break;
          case 2:
            bytes[bytePos++] = (p & 15) << 4 | (b & 60) >> 2;
            p = b;
            groupPos = 3;
            break;
          case 3:
            bytes[bytePos++] = (p & 3) << 6 | b;
            groupPos = 0;
            break;
        }
      }
      if (groupPos == 1)
        throw Error("invalid base64 string");
      return bytePos;
    }
    var nativeToBase642 = Uint8Array.prototype.toBase64;
    var toBase64OptionsMap = {
      std: { alphabet: "base64", omitPadding: false },
      std_raw: { alphabet: "base64", omitPadding: true },
      url: { alphabet: "base64url", omitPadding: true }
    };
    function base64Encode2(bytes, encoding = "std") {
      if (nativeToBase642) {
        return nativeToBase642.call(bytes, toBase64OptionsMap[encoding]);
      }
      const table = getEncodeTable2(encoding);
      const pad = encoding == "std";
      let base64 = "", groupPos = 0, b, p = 0;
      for (let i = 0; i < bytes.length; i++) {
        b = bytes[i];
        switch (groupPos) {
          case 0:
            base64 += table[b >> 2];
            p = (b & 3) << 4;
            groupPos = 1;
            break;
          case 1:
            base64 += table[p | b >> 4];
            p = (b & 15) << 2;
            groupPos = 2;
            break;
          case 2:
            base64 += table[p | b >> 6];
            base64 += table[b & 63];
            groupPos = 0;
            break;
        }
      }
      if (groupPos) {
        base64 += table[p];
        if (pad) {
          base64 += "=";
          if (groupPos == 1)
            base64 += "=";
        }
      }
      return base64;
    }
    var encodeTableStd2;
    var encodeTableUrl2;
    var decodeTable2;
    function getEncodeTable2(encoding) {
      if (!encodeTableStd2) {
        encodeTableStd2 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
        encodeTableUrl2 = encodeTableStd2.slice(0, -2).concat("-", "_");
      }
      return encoding == "url" ? (
        // biome-ignore lint/style/noNonNullAssertion: TS fails to narrow down
        encodeTableUrl2
      ) : encodeTableStd2;
    }
    function getDecodeTable2() {
      if (!decodeTable2) {
        decodeTable2 = [];
        const encodeTable = getEncodeTable2("std");
        for (let i = 0; i < encodeTable.length; i++)
          decodeTable2[encodeTable[i].charCodeAt(0)] = i;
        decodeTable2["-".charCodeAt(0)] = encodeTable.indexOf("+");
        decodeTable2["_".charCodeAt(0)] = encodeTable.indexOf("/");
      }
      return decodeTable2;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/names.js
var require_names = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.qualifiedName = qualifiedName;
    exports.protoCamelCase = protoCamelCase2;
    exports.protoSnakeCase = protoSnakeCase;
    exports.safeObjectProperty = safeObjectProperty2;
    function qualifiedName(desc) {
      switch (desc.kind) {
        case "field":
        case "oneof":
        case "rpc":
          return desc.parent.typeName + "." + desc.name;
        case "enum_value": {
          const p = desc.parent.parent ? desc.parent.parent.typeName : desc.parent.file.proto.package;
          return p + (p.length > 0 ? "." : "") + desc.name;
        }
        case "service":
        case "message":
        case "enum":
        case "extension":
          return desc.typeName;
        case "file":
          return desc.proto.name;
      }
    }
    function protoCamelCase2(snakeCase) {
      let capNext = false;
      const b = [];
      for (let i = 0; i < snakeCase.length; i++) {
        let c = snakeCase.charAt(i);
        switch (c) {
          case "_":
            capNext = true;
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7":
          case "8":
          case "9":
            b.push(c);
            capNext = false;
            break;
          default:
            if (capNext) {
              capNext = false;
              c = c.toUpperCase();
            }
            b.push(c);
            break;
        }
      }
      return b.join("");
    }
    function protoSnakeCase(lowerCamelCase) {
      return lowerCamelCase.replace(/[A-Z]/g, (letter) => "_" + letter.toLowerCase());
    }
    var reservedObjectProperties2 = /* @__PURE__ */ new Set([
      // names reserved by JavaScript
      "constructor",
      "toString",
      "toJSON",
      "valueOf"
    ]);
    function safeObjectProperty2(name) {
      return reservedObjectProperties2.has(name) ? name + "$" : name;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/restore-json-names.js
var require_restore_json_names = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/restore-json-names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.restoreJsonNames = restoreJsonNames2;
    var names_js_1 = require_names();
    var unsafe_js_1 = require_unsafe();
    function restoreJsonNames2(message) {
      for (const f of message.field) {
        if (!(0, unsafe_js_1.unsafeIsSetExplicit)(f, "jsonName")) {
          f.jsonName = (0, names_js_1.protoCamelCase)(f.name);
        }
      }
      message.nestedType.forEach(restoreJsonNames2);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/text-format.js
var require_text_format = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/text-format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseTextFormatEnumValue = parseTextFormatEnumValue2;
    exports.parseTextFormatScalarValue = parseTextFormatScalarValue2;
    var descriptors_js_1 = require_descriptors();
    var proto_int64_js_1 = require_proto_int64();
    function parseTextFormatEnumValue2(descEnum, value) {
      const enumValue = descEnum.values.find((v) => v.name === value);
      if (!enumValue) {
        throw new Error(`cannot parse ${descEnum} default value: ${value}`);
      }
      return enumValue.number;
    }
    function parseTextFormatScalarValue2(type, value) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return value;
        case descriptors_js_1.ScalarType.BYTES: {
          const u = unescapeBytesDefaultValue2(value);
          if (u === false) {
            throw new Error(`cannot parse ${descriptors_js_1.ScalarType[type]} default value: ${value}`);
          }
          return u;
        }
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return proto_int64_js_1.protoInt64.parse(value);
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
          return proto_int64_js_1.protoInt64.uParse(value);
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          switch (value) {
            case "inf":
              return Number.POSITIVE_INFINITY;
            case "-inf":
              return Number.NEGATIVE_INFINITY;
            case "nan":
              return Number.NaN;
            default:
              return parseFloat(value);
          }
        case descriptors_js_1.ScalarType.BOOL:
          return value === "true";
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.UINT32:
        case descriptors_js_1.ScalarType.SINT32:
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.SFIXED32:
          return parseInt(value, 10);
      }
    }
    function unescapeBytesDefaultValue2(str) {
      const b = [];
      const input = {
        tail: str,
        c: "",
        next() {
          if (this.tail.length == 0) {
            return false;
          }
          this.c = this.tail[0];
          this.tail = this.tail.substring(1);
          return true;
        },
        take(n) {
          if (this.tail.length >= n) {
            const r = this.tail.substring(0, n);
            this.tail = this.tail.substring(n);
            return r;
          }
          return false;
        }
      };
      while (input.next()) {
        switch (input.c) {
          case "\\":
            if (input.next()) {
              switch (input.c) {
                case "\\":
                  b.push(input.c.charCodeAt(0));
                  break;
                case "b":
                  b.push(8);
                  break;
                case "f":
                  b.push(12);
                  break;
                case "n":
                  b.push(10);
                  break;
                case "r":
                  b.push(13);
                  break;
                case "t":
                  b.push(9);
                  break;
                case "v":
                  b.push(11);
                  break;
                case "0":
                case "1":
                case "2":
                case "3":
                case "4":
                case "5":
                case "6":
                case "7": {
                  const s = input.c;
                  const t = input.take(2);
                  if (t === false) {
                    return false;
                  }
                  const n = parseInt(s + t, 8);
                  if (Number.isNaN(n)) {
                    return false;
                  }
                  b.push(n);
                  break;
                }
                case "x": {
                  const s = input.c;
                  const t = input.take(2);
                  if (t === false) {
                    return false;
                  }
                  const n = parseInt(s + t, 16);
                  if (Number.isNaN(n)) {
                    return false;
                  }
                  b.push(n);
                  break;
                }
                case "u": {
                  const s = input.c;
                  const t = input.take(4);
                  if (t === false) {
                    return false;
                  }
                  const n = parseInt(s + t, 16);
                  if (Number.isNaN(n)) {
                    return false;
                  }
                  const chunk = new Uint8Array(4);
                  const view = new DataView(chunk.buffer);
                  view.setInt32(0, n, true);
                  b.push(chunk[0], chunk[1], chunk[2], chunk[3]);
                  break;
                }
                case "U": {
                  const s = input.c;
                  const t = input.take(8);
                  if (t === false) {
                    return false;
                  }
                  const tc = proto_int64_js_1.protoInt64.uEnc(s + t);
                  const chunk = new Uint8Array(8);
                  const view = new DataView(chunk.buffer);
                  view.setInt32(0, tc.lo, true);
                  view.setInt32(4, tc.hi, true);
                  b.push(chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]);
                  break;
                }
              }
            }
            break;
          default:
            b.push(input.c.charCodeAt(0));
        }
      }
      return new Uint8Array(b);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/reflect/nested-types.js
var require_nested_types = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/reflect/nested-types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.nestedTypes = nestedTypes2;
    exports.usedTypes = usedTypes;
    exports.parentTypes = parentTypes;
    function* nestedTypes2(desc) {
      switch (desc.kind) {
        case "file":
          for (const message of desc.messages) {
            yield message;
            yield* nestedTypes2(message);
          }
          yield* desc.enums;
          yield* desc.services;
          yield* desc.extensions;
          break;
        case "message":
          for (const message of desc.nestedMessages) {
            yield message;
            yield* nestedTypes2(message);
          }
          yield* desc.nestedEnums;
          yield* desc.nestedExtensions;
          break;
      }
    }
    function usedTypes(descMessage) {
      return usedTypesInternal(descMessage, /* @__PURE__ */ new Set());
    }
    function* usedTypesInternal(descMessage, seen) {
      var _a, _b;
      for (const field of descMessage.fields) {
        const ref = (_b = (_a = field.enum) !== null && _a !== void 0 ? _a : field.message) !== null && _b !== void 0 ? _b : void 0;
        if (!ref || seen.has(ref.typeName)) {
          continue;
        }
        seen.add(ref.typeName);
        yield ref;
        if (ref.kind == "message") {
          yield* usedTypesInternal(ref, seen);
        }
      }
    }
    function parentTypes(desc) {
      const parents = [];
      while (desc.kind !== "file") {
        const p = parent(desc);
        desc = p;
        parents.push(p);
      }
      return parents;
    }
    function parent(desc) {
      var _a;
      switch (desc.kind) {
        case "enum_value":
        case "field":
        case "oneof":
        case "rpc":
          return desc.parent;
        case "service":
          return desc.file;
        case "extension":
        case "enum":
        case "message":
          return (_a = desc.parent) !== null && _a !== void 0 ? _a : desc.file;
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/registry.js
var require_registry = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/registry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.maximumEdition = exports.minimumEdition = void 0;
    exports.createRegistry = createRegistry;
    exports.createMutableRegistry = createMutableRegistry;
    exports.createFileRegistry = createFileRegistry;
    exports.createEmbeddedFileRegistry = createEmbeddedFileRegistry2;
    exports.assertValidNames = assertValidNames;
    var descriptors_js_1 = require_descriptors();
    var text_format_js_1 = require_text_format();
    var nested_types_js_1 = require_nested_types();
    var unsafe_js_1 = require_unsafe();
    var names_js_1 = require_names();
    var binary_encoding_js_1 = require_binary_encoding();
    function createRegistry(...input) {
      return initBaseRegistry(input);
    }
    function createMutableRegistry(...input) {
      const reg = initBaseRegistry(input);
      return Object.assign(Object.assign({}, reg), { remove(desc) {
        var _a;
        if (desc.kind == "extension") {
          (_a = reg.extendees.get(desc.extendee.typeName)) === null || _a === void 0 ? void 0 : _a.delete(desc.number);
        }
        reg.types.delete(desc.typeName);
      } });
    }
    function createFileRegistry(...args) {
      return buildFileRegistry2(args, assertValidNames);
    }
    function createEmbeddedFileRegistry2(fileDescriptorProto, resolve) {
      return buildFileRegistry2([fileDescriptorProto, resolve]);
    }
    function buildFileRegistry2(args, check) {
      const registry = createBaseRegistry2();
      if (!args.length) {
        return registry;
      }
      if ("$typeName" in args[0] && args[0].$typeName == "google.protobuf.FileDescriptorSet") {
        for (const file of args[0].file) {
          check === null || check === void 0 ? void 0 : check(file);
          addFile2(file, registry);
        }
        return registry;
      }
      if ("$typeName" in args[0]) {
        let recurseDeps = function(file) {
          const deps = [];
          for (const protoFileName of file.dependency) {
            if (registry.getFile(protoFileName) != void 0) {
              continue;
            }
            if (seen.has(protoFileName)) {
              continue;
            }
            const dep = resolve(protoFileName);
            if (!dep) {
              throw new Error(`Unable to resolve ${protoFileName}, imported by ${file.name}`);
            }
            if ("kind" in dep) {
              registry.addFile(dep, false, true);
            } else {
              seen.add(dep.name);
              deps.push(dep);
            }
          }
          return deps.concat(...deps.map(recurseDeps));
        };
        const input = args[0];
        const resolve = args[1];
        const seen = /* @__PURE__ */ new Set();
        for (const file of [input, ...recurseDeps(input)].reverse()) {
          check === null || check === void 0 ? void 0 : check(file);
          addFile2(file, registry);
        }
      } else {
        for (const fileReg of args) {
          for (const file of fileReg.files) {
            registry.addFile(file);
          }
        }
      }
      return registry;
    }
    var identifierRe = /^[A-Za-z0-9_]+$/;
    function assertValidNames(file) {
      const check = (kind, name) => {
        if (!identifierRe.test(name)) {
          throw new Error(`${file.name}: invalid ${kind} name ${JSON.stringify(name)}`);
        }
      };
      const checkEnum = (enumType) => {
        check("enum", enumType.name);
        for (const value of enumType.value) {
          check("enum value", value.name);
        }
      };
      const checkMessage = (message) => {
        check("message", message.name);
        for (const field of message.field) {
          check("field", field.name);
        }
        for (const oneof of message.oneofDecl) {
          check("oneof", oneof.name);
        }
        for (const extension of message.extension) {
          check("extension", extension.name);
        }
        message.nestedType.forEach(checkMessage);
        message.enumType.forEach(checkEnum);
      };
      file.messageType.forEach(checkMessage);
      file.enumType.forEach(checkEnum);
      for (const extension of file.extension) {
        check("extension", extension.name);
      }
      for (const service of file.service) {
        check("service", service.name);
        for (const method of service.method) {
          check("method", method.name);
        }
      }
    }
    function createBaseRegistry2() {
      const types = /* @__PURE__ */ new Map();
      const extendees = /* @__PURE__ */ new Map();
      const files = /* @__PURE__ */ new Map();
      return {
        kind: "registry",
        types,
        extendees,
        [Symbol.iterator]() {
          return types.values();
        },
        get files() {
          return files.values();
        },
        addFile(file, skipTypes, withDeps) {
          files.set(file.proto.name, file);
          if (!skipTypes) {
            for (const type of (0, nested_types_js_1.nestedTypes)(file)) {
              this.add(type);
            }
          }
          if (withDeps) {
            for (const f of file.dependencies) {
              this.addFile(f, skipTypes, withDeps);
            }
          }
        },
        add(desc) {
          if (desc.kind == "extension") {
            let numberToExt = extendees.get(desc.extendee.typeName);
            if (!numberToExt) {
              extendees.set(
                desc.extendee.typeName,
                // biome-ignore lint/suspicious/noAssignInExpressions: no
                numberToExt = /* @__PURE__ */ new Map()
              );
            }
            numberToExt.set(desc.number, desc);
          }
          types.set(desc.typeName, desc);
        },
        get(typeName) {
          return types.get(typeName);
        },
        getFile(fileName) {
          return files.get(fileName);
        },
        getMessage(typeName) {
          const t = types.get(typeName);
          return (t === null || t === void 0 ? void 0 : t.kind) == "message" ? t : void 0;
        },
        getEnum(typeName) {
          const t = types.get(typeName);
          return (t === null || t === void 0 ? void 0 : t.kind) == "enum" ? t : void 0;
        },
        getExtension(typeName) {
          const t = types.get(typeName);
          return (t === null || t === void 0 ? void 0 : t.kind) == "extension" ? t : void 0;
        },
        getExtensionFor(extendee, no) {
          var _a;
          return (_a = extendees.get(extendee.typeName)) === null || _a === void 0 ? void 0 : _a.get(no);
        },
        getService(typeName) {
          const t = types.get(typeName);
          return (t === null || t === void 0 ? void 0 : t.kind) == "service" ? t : void 0;
        }
      };
    }
    function initBaseRegistry(inputs) {
      const registry = createBaseRegistry2();
      for (const input of inputs) {
        switch (input.kind) {
          case "registry":
            for (const n of input) {
              registry.add(n);
            }
            break;
          case "file":
            registry.addFile(input);
            break;
          default:
            registry.add(input);
            break;
        }
      }
      return registry;
    }
    var EDITION_PROTO23 = 998;
    var EDITION_PROTO33 = 999;
    var EDITION_UNSTABLE2 = 9999;
    var TYPE_STRING2 = 9;
    var TYPE_GROUP2 = 10;
    var TYPE_MESSAGE2 = 11;
    var TYPE_BYTES2 = 12;
    var TYPE_ENUM2 = 14;
    var LABEL_REPEATED2 = 3;
    var LABEL_REQUIRED2 = 2;
    var JS_STRING2 = 1;
    var IDEMPOTENCY_UNKNOWN2 = 0;
    var EXPLICIT2 = 1;
    var IMPLICIT3 = 2;
    var LEGACY_REQUIRED2 = 3;
    var PACKED2 = 1;
    var DELIMITED2 = 2;
    var OPEN2 = 1;
    var VERIFY2 = 2;
    exports.minimumEdition = 998, exports.maximumEdition = 1002;
    var featureDefaults2 = {
      // EDITION_PROTO2
      998: {
        fieldPresence: 1,
        // EXPLICIT,
        enumType: 2,
        // CLOSED,
        repeatedFieldEncoding: 2,
        // EXPANDED,
        utf8Validation: 3,
        // NONE,
        messageEncoding: 1,
        // LENGTH_PREFIXED,
        jsonFormat: 2,
        // LEGACY_BEST_EFFORT,
        enforceNamingStyle: 2,
        // STYLE_LEGACY,
        defaultSymbolVisibility: 1,
        // EXPORT_ALL,
        enforceProtoLimits: 1
        // LEGACY_NO_EXPLICIT_LIMITS,
      },
      // EDITION_PROTO3
      999: {
        fieldPresence: 2,
        // IMPLICIT,
        enumType: 1,
        // OPEN,
        repeatedFieldEncoding: 1,
        // PACKED,
        utf8Validation: 2,
        // VERIFY,
        messageEncoding: 1,
        // LENGTH_PREFIXED,
        jsonFormat: 1,
        // ALLOW,
        enforceNamingStyle: 2,
        // STYLE_LEGACY,
        defaultSymbolVisibility: 1,
        // EXPORT_ALL,
        enforceProtoLimits: 1
        // LEGACY_NO_EXPLICIT_LIMITS,
      },
      // EDITION_2023
      1e3: {
        fieldPresence: 1,
        // EXPLICIT,
        enumType: 1,
        // OPEN,
        repeatedFieldEncoding: 1,
        // PACKED,
        utf8Validation: 2,
        // VERIFY,
        messageEncoding: 1,
        // LENGTH_PREFIXED,
        jsonFormat: 1,
        // ALLOW,
        enforceNamingStyle: 2,
        // STYLE_LEGACY,
        defaultSymbolVisibility: 1,
        // EXPORT_ALL,
        enforceProtoLimits: 1
        // LEGACY_NO_EXPLICIT_LIMITS,
      },
      // EDITION_2024
      1001: {
        fieldPresence: 1,
        // EXPLICIT,
        enumType: 1,
        // OPEN,
        repeatedFieldEncoding: 1,
        // PACKED,
        utf8Validation: 2,
        // VERIFY,
        messageEncoding: 1,
        // LENGTH_PREFIXED,
        jsonFormat: 1,
        // ALLOW,
        enforceNamingStyle: 1,
        // STYLE2024,
        defaultSymbolVisibility: 2,
        // EXPORT_TOP_LEVEL,
        enforceProtoLimits: 1
        // LEGACY_NO_EXPLICIT_LIMITS,
      },
      // EDITION_2026
      1002: {
        fieldPresence: 1,
        // EXPLICIT,
        enumType: 1,
        // OPEN,
        repeatedFieldEncoding: 1,
        // PACKED,
        utf8Validation: 2,
        // VERIFY,
        messageEncoding: 1,
        // LENGTH_PREFIXED,
        jsonFormat: 1,
        // ALLOW,
        enforceNamingStyle: 3,
        // STYLE2026,
        defaultSymbolVisibility: 4,
        // STRICT,
        enforceProtoLimits: 2
        // PROTO_LIMITS2026,
      }
    };
    function addFile2(proto, reg) {
      var _a, _b;
      const file = {
        kind: "file",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        edition: getFileEdition2(proto),
        name: proto.name.replace(/\.proto$/, ""),
        dependencies: findFileDependencies2(proto, reg),
        enums: [],
        messages: [],
        extensions: [],
        services: [],
        toString() {
          return `file ${proto.name}`;
        }
      };
      const mapEntriesStore = /* @__PURE__ */ new Map();
      const mapEntries = {
        get(typeName) {
          return mapEntriesStore.get(typeName);
        },
        add(desc) {
          var _a2;
          assert2(((_a2 = desc.proto.options) === null || _a2 === void 0 ? void 0 : _a2.mapEntry) === true);
          mapEntriesStore.set(desc.typeName, desc);
        }
      };
      for (const enumProto of proto.enumType) {
        addEnum2(enumProto, file, void 0, reg);
      }
      for (const messageProto of proto.messageType) {
        addMessage2(messageProto, file, void 0, reg, mapEntries);
      }
      for (const serviceProto of proto.service) {
        addService2(serviceProto, file, reg);
      }
      addExtensions2(file, reg);
      for (const mapEntry of mapEntriesStore.values()) {
        addFields2(mapEntry, reg, mapEntries);
      }
      for (const message of file.messages) {
        addFields2(message, reg, mapEntries);
        addExtensions2(message, reg);
      }
      reg.addFile(file, true);
    }
    function addExtensions2(desc, reg) {
      switch (desc.kind) {
        case "file":
          for (const proto of desc.proto.extension) {
            const ext = newField2(proto, desc, reg);
            desc.extensions.push(ext);
            reg.add(ext);
          }
          break;
        case "message":
          for (const proto of desc.proto.extension) {
            const ext = newField2(proto, desc, reg);
            desc.nestedExtensions.push(ext);
            reg.add(ext);
          }
          for (const message of desc.nestedMessages) {
            addExtensions2(message, reg);
          }
          break;
      }
    }
    function addFields2(message, reg, mapEntries) {
      const allOneofs = message.proto.oneofDecl.map((proto) => newOneof2(proto, message));
      const oneofsSeen = /* @__PURE__ */ new Set();
      for (const proto of message.proto.field) {
        const oneof = findOneof2(proto, allOneofs);
        const field = newField2(proto, message, reg, oneof, mapEntries);
        message.fields.push(field);
        message.field[field.localName] = field;
        if (oneof === void 0) {
          message.members.push(field);
        } else {
          oneof.fields.push(field);
          if (!oneofsSeen.has(oneof)) {
            oneofsSeen.add(oneof);
            message.members.push(oneof);
          }
        }
      }
      for (const oneof of allOneofs.filter((o) => oneofsSeen.has(o))) {
        message.oneofs.push(oneof);
      }
      for (const child of message.nestedMessages) {
        addFields2(child, reg, mapEntries);
      }
    }
    function addEnum2(proto, file, parent, reg) {
      var _a, _b, _c, _d, _e, _f, _g;
      var _h, _j;
      const sharedPrefix = findEnumSharedPrefix2(proto.name, proto.value);
      const desc = {
        kind: "enum",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        file,
        parent,
        open: true,
        name: proto.name,
        typeName: makeTypeName2(proto, parent, file),
        value: {},
        values: [],
        sharedPrefix,
        toString() {
          return `enum ${this.typeName}`;
        }
      };
      desc.open = isEnumOpen2(desc);
      reg.add(desc);
      for (const p of proto.value) {
        const name = p.name;
        const value = {
          kind: "enum_value",
          proto: p,
          deprecated: (_d = (_c = p.options) === null || _c === void 0 ? void 0 : _c.deprecated) !== null && _d !== void 0 ? _d : false,
          parent: desc,
          name,
          localName: (0, names_js_1.safeObjectProperty)(sharedPrefix == void 0 ? name : name.substring(sharedPrefix.length)),
          number: p.number,
          jsonName: (_e = findEnumValueJsonName2(p)) !== null && _e !== void 0 ? _e : name,
          toString() {
            return `enum value ${desc.typeName}.${name}`;
          }
        };
        desc.values.push(value);
        (_f = (_h = desc.value)[_j = p.number]) !== null && _f !== void 0 ? _f : _h[_j] = value;
      }
      ((_g = parent === null || parent === void 0 ? void 0 : parent.nestedEnums) !== null && _g !== void 0 ? _g : file.enums).push(desc);
    }
    function addMessage2(proto, file, parent, reg, mapEntries) {
      var _a, _b, _c, _d;
      const desc = {
        kind: "message",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        file,
        parent,
        name: proto.name,
        typeName: makeTypeName2(proto, parent, file),
        fields: [],
        field: {},
        oneofs: [],
        members: [],
        nestedEnums: [],
        nestedMessages: [],
        nestedExtensions: [],
        toString() {
          return `message ${this.typeName}`;
        }
      };
      if (((_c = proto.options) === null || _c === void 0 ? void 0 : _c.mapEntry) === true) {
        mapEntries.add(desc);
      } else {
        ((_d = parent === null || parent === void 0 ? void 0 : parent.nestedMessages) !== null && _d !== void 0 ? _d : file.messages).push(desc);
        reg.add(desc);
      }
      for (const enumProto of proto.enumType) {
        addEnum2(enumProto, file, desc, reg);
      }
      for (const messageProto of proto.nestedType) {
        addMessage2(messageProto, file, desc, reg, mapEntries);
      }
    }
    function addService2(proto, file, reg) {
      var _a, _b;
      const desc = {
        kind: "service",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        file,
        name: proto.name,
        typeName: makeTypeName2(proto, void 0, file),
        methods: [],
        method: {},
        toString() {
          return `service ${this.typeName}`;
        }
      };
      file.services.push(desc);
      reg.add(desc);
      for (const methodProto of proto.method) {
        const method = newMethod2(methodProto, desc, reg);
        desc.methods.push(method);
        desc.method[method.localName] = method;
      }
    }
    function newMethod2(proto, parent, reg) {
      var _a, _b, _c, _d;
      let methodKind;
      if (proto.clientStreaming && proto.serverStreaming) {
        methodKind = "bidi_streaming";
      } else if (proto.clientStreaming) {
        methodKind = "client_streaming";
      } else if (proto.serverStreaming) {
        methodKind = "server_streaming";
      } else {
        methodKind = "unary";
      }
      const input = reg.getMessage(trimLeadingDot2(proto.inputType));
      const output = reg.getMessage(trimLeadingDot2(proto.outputType));
      assert2(input, `invalid MethodDescriptorProto: input_type ${proto.inputType} not found`);
      assert2(output, `invalid MethodDescriptorProto: output_type ${proto.inputType} not found`);
      const name = proto.name;
      return {
        kind: "rpc",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        parent,
        name,
        localName: (0, names_js_1.safeObjectProperty)(name.length ? (0, names_js_1.safeObjectProperty)(name[0].toLowerCase() + name.substring(1)) : name),
        methodKind,
        input,
        output,
        idempotency: (_d = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.idempotencyLevel) !== null && _d !== void 0 ? _d : IDEMPOTENCY_UNKNOWN2,
        toString() {
          return `rpc ${parent.typeName}.${name}`;
        }
      };
    }
    function newOneof2(proto, parent) {
      return {
        kind: "oneof",
        proto,
        deprecated: false,
        parent,
        fields: [],
        name: proto.name,
        localName: (0, names_js_1.safeObjectProperty)((0, names_js_1.protoCamelCase)(proto.name)),
        toString() {
          return `oneof ${parent.typeName}.${this.name}`;
        }
      };
    }
    function newField2(proto, parentOrFile, reg, oneof, mapEntries) {
      var _a, _b, _c;
      const isExtension = mapEntries === void 0;
      const field = {
        kind: "field",
        proto,
        deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
        name: proto.name,
        number: proto.number,
        scalar: void 0,
        message: void 0,
        enum: void 0,
        presence: getFieldPresence2(proto, oneof, isExtension, parentOrFile),
        utf8Validation: isUtf8Validated2(proto, parentOrFile),
        listKind: void 0,
        mapKind: void 0,
        mapKey: void 0,
        delimitedEncoding: void 0,
        packed: void 0,
        longAsString: false,
        getDefaultValue: void 0
      };
      let toStr;
      if (isExtension) {
        const file = parentOrFile.kind == "file" ? parentOrFile : parentOrFile.file;
        const parent = parentOrFile.kind == "file" ? void 0 : parentOrFile;
        const typeName = makeTypeName2(proto, parent, file);
        field.kind = "extension";
        field.file = file;
        field.parent = parent;
        field.oneof = void 0;
        field.typeName = typeName;
        field.jsonName = `[${typeName}]`;
        toStr = () => `extension ${typeName}`;
        const extendee = reg.getMessage(trimLeadingDot2(proto.extendee));
        assert2(extendee, `invalid FieldDescriptorProto: extendee ${proto.extendee} not found`);
        field.extendee = extendee;
      } else {
        const parent = parentOrFile;
        assert2(parent.kind == "message");
        field.parent = parent;
        field.oneof = oneof;
        field.localName = oneof ? (0, names_js_1.protoCamelCase)(proto.name) : (0, names_js_1.safeObjectProperty)((0, names_js_1.protoCamelCase)(proto.name));
        field.jsonName = proto.jsonName;
        toStr = () => `field ${parent.typeName}.${proto.name}`;
      }
      Object.defineProperty(field, "toString", {
        value: toStr,
        writable: true,
        enumerable: true,
        configurable: true
      });
      const label = proto.label;
      const type = proto.type;
      const jstype = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.jstype;
      if (label === LABEL_REPEATED2) {
        const mapEntry = type == TYPE_MESSAGE2 ? mapEntries === null || mapEntries === void 0 ? void 0 : mapEntries.get(trimLeadingDot2(proto.typeName)) : void 0;
        if (mapEntry) {
          field.fieldKind = "map";
          const { key, value } = findMapEntryFields2(mapEntry);
          field.mapKey = key.scalar;
          field.mapKind = value.fieldKind;
          field.message = value.message;
          field.delimitedEncoding = false;
          field.enum = value.enum;
          field.scalar = value.scalar;
          return field;
        }
        field.fieldKind = "list";
        switch (type) {
          case TYPE_MESSAGE2:
          case TYPE_GROUP2:
            field.listKind = "message";
            field.message = reg.getMessage(trimLeadingDot2(proto.typeName));
            assert2(field.message);
            field.delimitedEncoding = isDelimitedEncoding2(proto, parentOrFile);
            break;
          case TYPE_ENUM2:
            field.listKind = "enum";
            field.enum = reg.getEnum(trimLeadingDot2(proto.typeName));
            assert2(field.enum);
            break;
          default:
            field.listKind = "scalar";
            field.scalar = type;
            field.longAsString = jstype == JS_STRING2;
            break;
        }
        field.packed = isPackedField2(proto, parentOrFile);
        return field;
      }
      switch (type) {
        case TYPE_MESSAGE2:
        case TYPE_GROUP2:
          field.fieldKind = "message";
          field.message = reg.getMessage(trimLeadingDot2(proto.typeName));
          assert2(field.message, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
          field.delimitedEncoding = isDelimitedEncoding2(proto, parentOrFile);
          field.getDefaultValue = () => void 0;
          break;
        case TYPE_ENUM2: {
          const enumeration = reg.getEnum(trimLeadingDot2(proto.typeName));
          assert2(enumeration !== void 0, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
          field.fieldKind = "enum";
          field.enum = reg.getEnum(trimLeadingDot2(proto.typeName));
          field.getDefaultValue = () => {
            return (0, unsafe_js_1.unsafeIsSetExplicit)(proto, "defaultValue") ? (0, text_format_js_1.parseTextFormatEnumValue)(enumeration, proto.defaultValue) : void 0;
          };
          break;
        }
        default: {
          field.fieldKind = "scalar";
          field.scalar = type;
          field.longAsString = jstype == JS_STRING2;
          field.getDefaultValue = () => {
            return (0, unsafe_js_1.unsafeIsSetExplicit)(proto, "defaultValue") ? (0, text_format_js_1.parseTextFormatScalarValue)(type, proto.defaultValue) : void 0;
          };
          break;
        }
      }
      return field;
    }
    function getFileEdition2(proto) {
      switch (proto.syntax) {
        case "":
        case "proto2":
          return EDITION_PROTO23;
        case "proto3":
          return EDITION_PROTO33;
        case "editions":
          if (proto.edition === EDITION_UNSTABLE2) {
            return exports.maximumEdition;
          }
          if (proto.edition in featureDefaults2) {
            return proto.edition;
          }
          throw new Error(`${proto.name}: unsupported edition`);
        default:
          throw new Error(`${proto.name}: unsupported syntax "${proto.syntax}"`);
      }
    }
    function findFileDependencies2(proto, reg) {
      return proto.dependency.map((wantName) => {
        const dep = reg.getFile(wantName);
        if (!dep) {
          throw new Error(`Cannot find ${wantName}, imported by ${proto.name}`);
        }
        return dep;
      });
    }
    function findEnumSharedPrefix2(enumName, values) {
      const prefix = camelToSnakeCase2(enumName) + "_";
      for (const value of values) {
        if (!value.name.toLowerCase().startsWith(prefix)) {
          return void 0;
        }
        const shortName = value.name.substring(prefix.length);
        if (shortName.length == 0) {
          return void 0;
        }
        if (/^\d/.test(shortName)) {
          return void 0;
        }
      }
      return prefix;
    }
    function findEnumValueJsonName2(proto) {
      var _a, _b;
      const extensionNumber = 998;
      const fieldNumber = 1;
      let jsonName;
      for (const uf of (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.$unknown) !== null && _b !== void 0 ? _b : []) {
        if (uf.no !== extensionNumber || uf.wireType !== binary_encoding_js_1.WireType.LengthDelimited) {
          continue;
        }
        const reader = new binary_encoding_js_1.BinaryReader(new binary_encoding_js_1.BinaryReader(uf.data).bytes());
        while (reader.pos < reader.len) {
          const [no, wireType] = reader.tag();
          if (no === fieldNumber && wireType === binary_encoding_js_1.WireType.LengthDelimited) {
            jsonName = reader.string();
          } else {
            reader.skip(wireType, no);
          }
        }
      }
      return jsonName;
    }
    function camelToSnakeCase2(camel) {
      return (camel.substring(0, 1) + camel.substring(1).replace(/[A-Z]/g, (c) => "_" + c)).toLowerCase();
    }
    function makeTypeName2(proto, parent, file) {
      let typeName;
      if (parent) {
        typeName = `${parent.typeName}.${proto.name}`;
      } else if (file.proto.package.length > 0) {
        typeName = `${file.proto.package}.${proto.name}`;
      } else {
        typeName = `${proto.name}`;
      }
      return typeName;
    }
    function trimLeadingDot2(typeName) {
      return typeName.startsWith(".") ? typeName.substring(1) : typeName;
    }
    function findOneof2(proto, allOneofs) {
      if (!(0, unsafe_js_1.unsafeIsSetExplicit)(proto, "oneofIndex")) {
        return void 0;
      }
      if (proto.proto3Optional) {
        return void 0;
      }
      const oneof = allOneofs[proto.oneofIndex];
      assert2(oneof, `invalid FieldDescriptorProto: oneof #${proto.oneofIndex} for field #${proto.number} not found`);
      return oneof;
    }
    function getFieldPresence2(proto, oneof, isExtension, parent) {
      if (proto.label == LABEL_REQUIRED2) {
        return LEGACY_REQUIRED2;
      }
      if (proto.label == LABEL_REPEATED2) {
        return IMPLICIT3;
      }
      if (!!oneof || proto.proto3Optional) {
        return EXPLICIT2;
      }
      if (isExtension) {
        return EXPLICIT2;
      }
      const resolved = resolveFeature2("fieldPresence", { proto, parent });
      if (resolved == IMPLICIT3 && (proto.type == TYPE_MESSAGE2 || proto.type == TYPE_GROUP2)) {
        return EXPLICIT2;
      }
      return resolved;
    }
    function isPackedField2(proto, parent) {
      if (proto.label != LABEL_REPEATED2) {
        return false;
      }
      switch (proto.type) {
        case TYPE_STRING2:
        case TYPE_BYTES2:
        case TYPE_GROUP2:
        case TYPE_MESSAGE2:
          return false;
      }
      const o = proto.options;
      if (o && (0, unsafe_js_1.unsafeIsSetExplicit)(o, "packed")) {
        return o.packed;
      }
      return PACKED2 == resolveFeature2("repeatedFieldEncoding", {
        proto,
        parent
      });
    }
    function findMapEntryFields2(mapEntry) {
      const key = mapEntry.fields.find((f) => f.number === 1);
      const value = mapEntry.fields.find((f) => f.number === 2);
      assert2(key && key.fieldKind == "scalar" && key.scalar != descriptors_js_1.ScalarType.BYTES && key.scalar != descriptors_js_1.ScalarType.FLOAT && key.scalar != descriptors_js_1.ScalarType.DOUBLE && value && value.fieldKind != "list" && value.fieldKind != "map");
      return { key, value };
    }
    function isEnumOpen2(desc) {
      var _a;
      return OPEN2 == resolveFeature2("enumType", {
        proto: desc.proto,
        parent: (_a = desc.parent) !== null && _a !== void 0 ? _a : desc.file
      });
    }
    function isDelimitedEncoding2(proto, parent) {
      if (proto.type == TYPE_GROUP2) {
        return true;
      }
      return DELIMITED2 == resolveFeature2("messageEncoding", {
        proto,
        parent
      });
    }
    function isUtf8Validated2(proto, parent) {
      return VERIFY2 == resolveFeature2("utf8Validation", {
        proto,
        parent
      });
    }
    function resolveFeature2(name, ref) {
      var _a, _b;
      const featureSet = (_a = ref.proto.options) === null || _a === void 0 ? void 0 : _a.features;
      if (featureSet) {
        const val = featureSet[name];
        if (val != 0) {
          return val;
        }
      }
      if ("kind" in ref) {
        if (ref.kind == "message") {
          return resolveFeature2(name, (_b = ref.parent) !== null && _b !== void 0 ? _b : ref.file);
        }
        const editionDefaults = featureDefaults2[ref.edition];
        if (!editionDefaults) {
          throw new Error(`feature default for edition ${ref.edition} not found`);
        }
        return editionDefaults[name];
      }
      return resolveFeature2(name, ref.parent);
    }
    function assert2(condition, msg) {
      if (!condition) {
        throw new Error(msg);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/boot.js
var require_boot = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/boot.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boot = boot2;
    exports.bootFileDescriptorProto = bootFileDescriptorProto2;
    var restore_json_names_js_1 = require_restore_json_names();
    var registry_js_1 = require_registry();
    function boot2(boot3) {
      const root = bootFileDescriptorProto2(boot3);
      root.messageType.forEach(restore_json_names_js_1.restoreJsonNames);
      const reg = (0, registry_js_1.createEmbeddedFileRegistry)(root, () => void 0);
      return reg.getFile(root.name);
    }
    function bootFileDescriptorProto2(init) {
      const proto = /* @__PURE__ */ Object.create({
        syntax: "",
        edition: 0
      });
      return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FileDescriptorProto", dependency: [], publicDependency: [], weakDependency: [], optionDependency: [], service: [], extension: [] }, init), { messageType: init.messageType.map(bootDescriptorProto2), enumType: init.enumType.map(bootEnumDescriptorProto2) }));
    }
    function bootDescriptorProto2(init) {
      var _a, _b, _c, _d, _e, _f, _g, _h;
      const proto = /* @__PURE__ */ Object.create({
        visibility: 0
      });
      return Object.assign(proto, {
        $typeName: "google.protobuf.DescriptorProto",
        name: init.name,
        field: (_b = (_a = init.field) === null || _a === void 0 ? void 0 : _a.map(bootFieldDescriptorProto2)) !== null && _b !== void 0 ? _b : [],
        extension: [],
        nestedType: (_d = (_c = init.nestedType) === null || _c === void 0 ? void 0 : _c.map(bootDescriptorProto2)) !== null && _d !== void 0 ? _d : [],
        enumType: (_f = (_e = init.enumType) === null || _e === void 0 ? void 0 : _e.map(bootEnumDescriptorProto2)) !== null && _f !== void 0 ? _f : [],
        extensionRange: (_h = (_g = init.extensionRange) === null || _g === void 0 ? void 0 : _g.map((e) => Object.assign({ $typeName: "google.protobuf.DescriptorProto.ExtensionRange" }, e))) !== null && _h !== void 0 ? _h : [],
        oneofDecl: [],
        reservedRange: [],
        reservedName: []
      });
    }
    function bootFieldDescriptorProto2(init) {
      const proto = /* @__PURE__ */ Object.create({
        label: 1,
        typeName: "",
        extendee: "",
        defaultValue: "",
        oneofIndex: 0,
        jsonName: "",
        proto3Optional: false
      });
      return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldDescriptorProto" }, init), { options: init.options ? bootFieldOptions2(init.options) : void 0 }));
    }
    function bootFieldOptions2(init) {
      var _a, _b, _c;
      const proto = /* @__PURE__ */ Object.create({
        ctype: 0,
        packed: false,
        jstype: 0,
        lazy: false,
        unverifiedLazy: false,
        deprecated: false,
        weak: false,
        debugRedact: false,
        retention: 0
      });
      return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldOptions" }, init), { targets: (_a = init.targets) !== null && _a !== void 0 ? _a : [], editionDefaults: (_c = (_b = init.editionDefaults) === null || _b === void 0 ? void 0 : _b.map((e) => Object.assign({ $typeName: "google.protobuf.FieldOptions.EditionDefault" }, e))) !== null && _c !== void 0 ? _c : [], uninterpretedOption: [] }));
    }
    function bootEnumDescriptorProto2(init) {
      const proto = /* @__PURE__ */ Object.create({
        visibility: 0
      });
      return Object.assign(proto, {
        $typeName: "google.protobuf.EnumDescriptorProto",
        name: init.name,
        reservedName: [],
        reservedRange: [],
        value: init.value.map((e) => Object.assign({ $typeName: "google.protobuf.EnumValueDescriptorProto" }, e))
      });
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/message.js
var require_message2 = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.messageDesc = messageDesc2;
    function messageDesc2(file, path, ...paths) {
      return paths.reduce((acc, cur) => acc.nestedMessages[cur], file.messages[path]);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/enum.js
var require_enum = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.enumDesc = enumDesc2;
    exports.tsEnum = tsEnum;
    exports.objEnum = objEnum;
    function enumDesc2(file, path, ...paths) {
      if (paths.length == 0) {
        return file.enums[path];
      }
      const e = paths.pop();
      return paths.reduce((acc, cur) => acc.nestedMessages[cur], file.messages[path]).nestedEnums[e];
    }
    function tsEnum(desc) {
      const enumObject = {};
      for (const value of desc.values) {
        enumObject[value.localName] = value.number;
        enumObject[value.number] = value.localName;
      }
      return enumObject;
    }
    function objEnum(desc) {
      const enumObject = {};
      for (const value of desc.values) {
        enumObject[value.localName] = value.number;
      }
      return enumObject;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/descriptor_pb.js
var require_descriptor_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/descriptor_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FeatureSet_ProtoLimitsFeatureSchema = exports.FeatureSet_VisibilityFeature_DefaultSymbolVisibilitySchema = exports.FeatureSet_VisibilityFeature_DefaultSymbolVisibility = exports.FeatureSet_VisibilityFeatureSchema = exports.FeatureSetSchema = exports.UninterpretedOption_NamePartSchema = exports.UninterpretedOptionSchema = exports.MethodOptions_IdempotencyLevelSchema = exports.MethodOptions_IdempotencyLevel = exports.MethodOptionsSchema = exports.ServiceOptionsSchema = exports.EnumValueOptionsSchema = exports.EnumOptionsSchema = exports.OneofOptionsSchema = exports.FieldOptions_OptionTargetTypeSchema = exports.FieldOptions_OptionTargetType = exports.FieldOptions_OptionRetentionSchema = exports.FieldOptions_OptionRetention = exports.FieldOptions_JSTypeSchema = exports.FieldOptions_JSType = exports.FieldOptions_CTypeSchema = exports.FieldOptions_CType = exports.FieldOptions_FeatureSupportSchema = exports.FieldOptions_EditionDefaultSchema = exports.FieldOptionsSchema = exports.MessageOptionsSchema = exports.FileOptions_OptimizeModeSchema = exports.FileOptions_OptimizeMode = exports.FileOptionsSchema = exports.MethodDescriptorProtoSchema = exports.ServiceDescriptorProtoSchema = exports.EnumValueDescriptorProtoSchema = exports.EnumDescriptorProto_EnumReservedRangeSchema = exports.EnumDescriptorProtoSchema = exports.OneofDescriptorProtoSchema = exports.FieldDescriptorProto_LabelSchema = exports.FieldDescriptorProto_Label = exports.FieldDescriptorProto_TypeSchema = exports.FieldDescriptorProto_Type = exports.FieldDescriptorProtoSchema = exports.ExtensionRangeOptions_VerificationStateSchema = exports.ExtensionRangeOptions_VerificationState = exports.ExtensionRangeOptions_DeclarationSchema = exports.ExtensionRangeOptionsSchema = exports.DescriptorProto_ReservedRangeSchema = exports.DescriptorProto_ExtensionRangeSchema = exports.DescriptorProtoSchema = exports.FileDescriptorProtoSchema = exports.FileDescriptorSetSchema = exports.file_google_protobuf_descriptor = void 0;
    exports.SymbolVisibilitySchema = exports.SymbolVisibility = exports.EditionSchema = exports.Edition = exports.GeneratedCodeInfo_Annotation_SemanticSchema = exports.GeneratedCodeInfo_Annotation_Semantic = exports.GeneratedCodeInfo_AnnotationSchema = exports.GeneratedCodeInfoSchema = exports.SourceCodeInfo_LocationSchema = exports.SourceCodeInfoSchema = exports.FeatureSetDefaults_FeatureSetEditionDefaultSchema = exports.FeatureSetDefaultsSchema = exports.FeatureSet_EnforceNamingStyleSchema = exports.FeatureSet_EnforceNamingStyle = exports.FeatureSet_JsonFormatSchema = exports.FeatureSet_JsonFormat = exports.FeatureSet_MessageEncodingSchema = exports.FeatureSet_MessageEncoding = exports.FeatureSet_Utf8ValidationSchema = exports.FeatureSet_Utf8Validation = exports.FeatureSet_RepeatedFieldEncodingSchema = exports.FeatureSet_RepeatedFieldEncoding = exports.FeatureSet_EnumTypeSchema = exports.FeatureSet_EnumType = exports.FeatureSet_FieldPresenceSchema = exports.FeatureSet_FieldPresence = exports.FeatureSet_ProtoLimitsFeature_EnforceProtoLimitsSchema = exports.FeatureSet_ProtoLimitsFeature_EnforceProtoLimits = void 0;
    var boot_js_1 = require_boot();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    exports.file_google_protobuf_descriptor = (0, boot_js_1.boot)({ "name": "google/protobuf/descriptor.proto", "package": "google.protobuf", "messageType": [{ "name": "FileDescriptorSet", "field": [{ "name": "file", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FileDescriptorProto" }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "FileDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "package", "number": 2, "type": 9, "label": 1 }, { "name": "dependency", "number": 3, "type": 9, "label": 3 }, { "name": "public_dependency", "number": 10, "type": 5, "label": 3 }, { "name": "weak_dependency", "number": 11, "type": 5, "label": 3 }, { "name": "option_dependency", "number": 15, "type": 9, "label": 3 }, { "name": "message_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "service", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.ServiceDescriptorProto" }, { "name": "extension", "number": 7, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FileOptions" }, { "name": "source_code_info", "number": 9, "type": 11, "label": 1, "typeName": ".google.protobuf.SourceCodeInfo" }, { "name": "syntax", "number": 12, "type": 9, "label": 1 }, { "name": "edition", "number": 14, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }] }, { "name": "DescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "field", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "extension", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "nested_type", "number": 3, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "extension_range", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ExtensionRange" }, { "name": "oneof_decl", "number": 8, "type": 11, "label": 3, "typeName": ".google.protobuf.OneofDescriptorProto" }, { "name": "options", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.MessageOptions" }, { "name": "reserved_range", "number": 9, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ReservedRange" }, { "name": "reserved_name", "number": 10, "type": 9, "label": 3 }, { "name": "visibility", "number": 11, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "ExtensionRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions" }] }, { "name": "ReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "ExtensionRangeOptions", "field": [{ "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }, { "name": "declaration", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.ExtensionRangeOptions.Declaration", "options": { "retention": 2 } }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "verification", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions.VerificationState", "defaultValue": "UNVERIFIED", "options": { "retention": 2 } }], "nestedType": [{ "name": "Declaration", "field": [{ "name": "number", "number": 1, "type": 5, "label": 1 }, { "name": "full_name", "number": 2, "type": 9, "label": 1 }, { "name": "type", "number": 3, "type": 9, "label": 1 }, { "name": "reserved", "number": 5, "type": 8, "label": 1 }, { "name": "repeated", "number": 6, "type": 8, "label": 1 }] }], "enumType": [{ "name": "VerificationState", "value": [{ "name": "DECLARATION", "number": 0 }, { "name": "UNVERIFIED", "number": 1 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 3, "type": 5, "label": 1 }, { "name": "label", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Label" }, { "name": "type", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Type" }, { "name": "type_name", "number": 6, "type": 9, "label": 1 }, { "name": "extendee", "number": 2, "type": 9, "label": 1 }, { "name": "default_value", "number": 7, "type": 9, "label": 1 }, { "name": "oneof_index", "number": 9, "type": 5, "label": 1 }, { "name": "json_name", "number": 10, "type": 9, "label": 1 }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions" }, { "name": "proto3_optional", "number": 17, "type": 8, "label": 1 }], "enumType": [{ "name": "Type", "value": [{ "name": "TYPE_DOUBLE", "number": 1 }, { "name": "TYPE_FLOAT", "number": 2 }, { "name": "TYPE_INT64", "number": 3 }, { "name": "TYPE_UINT64", "number": 4 }, { "name": "TYPE_INT32", "number": 5 }, { "name": "TYPE_FIXED64", "number": 6 }, { "name": "TYPE_FIXED32", "number": 7 }, { "name": "TYPE_BOOL", "number": 8 }, { "name": "TYPE_STRING", "number": 9 }, { "name": "TYPE_GROUP", "number": 10 }, { "name": "TYPE_MESSAGE", "number": 11 }, { "name": "TYPE_BYTES", "number": 12 }, { "name": "TYPE_UINT32", "number": 13 }, { "name": "TYPE_ENUM", "number": 14 }, { "name": "TYPE_SFIXED32", "number": 15 }, { "name": "TYPE_SFIXED64", "number": 16 }, { "name": "TYPE_SINT32", "number": 17 }, { "name": "TYPE_SINT64", "number": 18 }] }, { "name": "Label", "value": [{ "name": "LABEL_OPTIONAL", "number": 1 }, { "name": "LABEL_REPEATED", "number": 3 }, { "name": "LABEL_REQUIRED", "number": 2 }] }] }, { "name": "OneofDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "options", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.OneofOptions" }] }, { "name": "EnumDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "value", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumValueDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumOptions" }, { "name": "reserved_range", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto.EnumReservedRange" }, { "name": "reserved_name", "number": 5, "type": 9, "label": 3 }, { "name": "visibility", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "EnumReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "EnumValueDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumValueOptions" }] }, { "name": "ServiceDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "method", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.MethodDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ServiceOptions" }] }, { "name": "MethodDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "input_type", "number": 2, "type": 9, "label": 1 }, { "name": "output_type", "number": 3, "type": 9, "label": 1 }, { "name": "options", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.MethodOptions" }, { "name": "client_streaming", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "server_streaming", "number": 6, "type": 8, "label": 1, "defaultValue": "false" }] }, { "name": "FileOptions", "field": [{ "name": "java_package", "number": 1, "type": 9, "label": 1 }, { "name": "java_outer_classname", "number": 8, "type": 9, "label": 1 }, { "name": "java_multiple_files", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": {} }, { "name": "java_generate_equals_and_hash", "number": 20, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "java_string_check_utf8", "number": 27, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "optimize_for", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FileOptions.OptimizeMode", "defaultValue": "SPEED" }, { "name": "go_package", "number": 11, "type": 9, "label": 1 }, { "name": "cc_generic_services", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "java_generic_services", "number": 17, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "py_generic_services", "number": 18, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 23, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "cc_enable_arenas", "number": 31, "type": 8, "label": 1, "defaultValue": "true", "options": {} }, { "name": "objc_class_prefix", "number": 36, "type": 9, "label": 1 }, { "name": "csharp_namespace", "number": 37, "type": 9, "label": 1 }, { "name": "swift_prefix", "number": 39, "type": 9, "label": 1 }, { "name": "php_class_prefix", "number": 40, "type": 9, "label": 1 }, { "name": "php_namespace", "number": 41, "type": 9, "label": 1 }, { "name": "php_metadata_namespace", "number": 44, "type": 9, "label": 1 }, { "name": "ruby_package", "number": 45, "type": 9, "label": 1 }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "OptimizeMode", "value": [{ "name": "SPEED", "number": 1 }, { "name": "CODE_SIZE", "number": 2 }, { "name": "LITE_RUNTIME", "number": 3 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MessageOptions", "field": [{ "name": "message_set_wire_format", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "no_standard_descriptor_accessor", "number": 2, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "map_entry", "number": 7, "type": 8, "label": 1 }, { "name": "deprecated_legacy_json_field_conflicts", "number": 11, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 12, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldOptions", "field": [{ "name": "ctype", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.CType", "defaultValue": "STRING" }, { "name": "packed", "number": 2, "type": 8, "label": 1 }, { "name": "jstype", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.JSType", "defaultValue": "JS_NORMAL" }, { "name": "lazy", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "unverified_lazy", "number": 15, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "weak", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": { "deprecated": true } }, { "name": "debug_redact", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "retention", "number": 17, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.OptionRetention" }, { "name": "targets", "number": 19, "type": 14, "label": 3, "typeName": ".google.protobuf.FieldOptions.OptionTargetType" }, { "name": "edition_defaults", "number": 20, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldOptions.EditionDefault" }, { "name": "features", "number": 21, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "feature_support", "number": 22, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "nestedType": [{ "name": "EditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "value", "number": 2, "type": 9, "label": 1 }] }, { "name": "FeatureSupport", "field": [{ "name": "edition_introduced", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "edition_deprecated", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "deprecation_warning", "number": 3, "type": 9, "label": 1 }, { "name": "edition_removed", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "removal_error", "number": 5, "type": 9, "label": 1 }] }], "enumType": [{ "name": "CType", "value": [{ "name": "STRING", "number": 0 }, { "name": "CORD", "number": 1 }, { "name": "STRING_PIECE", "number": 2 }] }, { "name": "JSType", "value": [{ "name": "JS_NORMAL", "number": 0 }, { "name": "JS_STRING", "number": 1 }, { "name": "JS_NUMBER", "number": 2 }] }, { "name": "OptionRetention", "value": [{ "name": "RETENTION_UNKNOWN", "number": 0 }, { "name": "RETENTION_RUNTIME", "number": 1 }, { "name": "RETENTION_SOURCE", "number": 2 }] }, { "name": "OptionTargetType", "value": [{ "name": "TARGET_TYPE_UNKNOWN", "number": 0 }, { "name": "TARGET_TYPE_FILE", "number": 1 }, { "name": "TARGET_TYPE_EXTENSION_RANGE", "number": 2 }, { "name": "TARGET_TYPE_MESSAGE", "number": 3 }, { "name": "TARGET_TYPE_FIELD", "number": 4 }, { "name": "TARGET_TYPE_ONEOF", "number": 5 }, { "name": "TARGET_TYPE_ENUM", "number": 6 }, { "name": "TARGET_TYPE_ENUM_ENTRY", "number": 7 }, { "name": "TARGET_TYPE_SERVICE", "number": 8 }, { "name": "TARGET_TYPE_METHOD", "number": 9 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "OneofOptions", "field": [{ "name": "features", "number": 1, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumOptions", "field": [{ "name": "allow_alias", "number": 2, "type": 8, "label": 1 }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated_legacy_json_field_conflicts", "number": 6, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumValueOptions", "field": [{ "name": "deprecated", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "features", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "debug_redact", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "feature_support", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "ServiceOptions", "field": [{ "name": "features", "number": 34, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MethodOptions", "field": [{ "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "idempotency_level", "number": 34, "type": 14, "label": 1, "typeName": ".google.protobuf.MethodOptions.IdempotencyLevel", "defaultValue": "IDEMPOTENCY_UNKNOWN" }, { "name": "features", "number": 35, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "IdempotencyLevel", "value": [{ "name": "IDEMPOTENCY_UNKNOWN", "number": 0 }, { "name": "NO_SIDE_EFFECTS", "number": 1 }, { "name": "IDEMPOTENT", "number": 2 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "UninterpretedOption", "field": [{ "name": "name", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption.NamePart" }, { "name": "identifier_value", "number": 3, "type": 9, "label": 1 }, { "name": "positive_int_value", "number": 4, "type": 4, "label": 1 }, { "name": "negative_int_value", "number": 5, "type": 3, "label": 1 }, { "name": "double_value", "number": 6, "type": 1, "label": 1 }, { "name": "string_value", "number": 7, "type": 12, "label": 1 }, { "name": "aggregate_value", "number": 8, "type": 9, "label": 1 }], "nestedType": [{ "name": "NamePart", "field": [{ "name": "name_part", "number": 1, "type": 9, "label": 2 }, { "name": "is_extension", "number": 2, "type": 8, "label": 2 }] }] }, { "name": "FeatureSet", "field": [{ "name": "field_presence", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.FieldPresence", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPLICIT", "edition": 900 }, { "value": "IMPLICIT", "edition": 999 }, { "value": "EXPLICIT", "edition": 1e3 }] } }, { "name": "enum_type", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnumType", "options": { "retention": 1, "targets": [6, 1], "editionDefaults": [{ "value": "CLOSED", "edition": 900 }, { "value": "OPEN", "edition": 999 }] } }, { "name": "repeated_field_encoding", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.RepeatedFieldEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPANDED", "edition": 900 }, { "value": "PACKED", "edition": 999 }] } }, { "name": "utf8_validation", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.Utf8Validation", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "NONE", "edition": 900 }, { "value": "VERIFY", "edition": 999 }] } }, { "name": "message_encoding", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.MessageEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "LENGTH_PREFIXED", "edition": 900 }] } }, { "name": "json_format", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.JsonFormat", "options": { "retention": 1, "targets": [3, 6, 1], "editionDefaults": [{ "value": "LEGACY_BEST_EFFORT", "edition": 900 }, { "value": "ALLOW", "edition": 999 }] } }, { "name": "enforce_naming_style", "number": 7, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnforceNamingStyle", "options": { "retention": 2, "targets": [1, 2, 3, 4, 5, 6, 7, 8, 9], "editionDefaults": [{ "value": "STYLE_LEGACY", "edition": 900 }, { "value": "STYLE2024", "edition": 1001 }, { "value": "STYLE2026", "edition": 1002 }] } }, { "name": "default_symbol_visibility", "number": 8, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.VisibilityFeature.DefaultSymbolVisibility", "options": { "retention": 2, "targets": [1], "editionDefaults": [{ "value": "EXPORT_ALL", "edition": 900 }, { "value": "EXPORT_TOP_LEVEL", "edition": 1001 }, { "value": "STRICT", "edition": 1002 }] } }, { "name": "enforce_proto_limits", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.ProtoLimitsFeature.EnforceProtoLimits", "options": { "retention": 2, "targets": [6, 3, 4, 5], "editionDefaults": [{ "value": "LEGACY_NO_EXPLICIT_LIMITS", "edition": 900 }, { "value": "PROTO_LIMITS2026", "edition": 1002 }] } }], "nestedType": [{ "name": "VisibilityFeature", "enumType": [{ "name": "DefaultSymbolVisibility", "value": [{ "name": "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", "number": 0 }, { "name": "EXPORT_ALL", "number": 1 }, { "name": "EXPORT_TOP_LEVEL", "number": 2 }, { "name": "LOCAL_ALL", "number": 3 }, { "name": "STRICT", "number": 4 }] }] }, { "name": "ProtoLimitsFeature", "enumType": [{ "name": "EnforceProtoLimits", "value": [{ "name": "PROTO_LIMITS_UNKNOWN", "number": 0 }, { "name": "LEGACY_NO_EXPLICIT_LIMITS", "number": 1 }, { "name": "PROTO_LIMITS2026", "number": 2 }] }] }], "enumType": [{ "name": "FieldPresence", "value": [{ "name": "FIELD_PRESENCE_UNKNOWN", "number": 0 }, { "name": "EXPLICIT", "number": 1 }, { "name": "IMPLICIT", "number": 2 }, { "name": "LEGACY_REQUIRED", "number": 3 }] }, { "name": "EnumType", "value": [{ "name": "ENUM_TYPE_UNKNOWN", "number": 0 }, { "name": "OPEN", "number": 1 }, { "name": "CLOSED", "number": 2 }] }, { "name": "RepeatedFieldEncoding", "value": [{ "name": "REPEATED_FIELD_ENCODING_UNKNOWN", "number": 0 }, { "name": "PACKED", "number": 1 }, { "name": "EXPANDED", "number": 2 }] }, { "name": "Utf8Validation", "value": [{ "name": "UTF8_VALIDATION_UNKNOWN", "number": 0 }, { "name": "VERIFY", "number": 2 }, { "name": "NONE", "number": 3 }] }, { "name": "MessageEncoding", "value": [{ "name": "MESSAGE_ENCODING_UNKNOWN", "number": 0 }, { "name": "LENGTH_PREFIXED", "number": 1 }, { "name": "DELIMITED", "number": 2 }] }, { "name": "JsonFormat", "value": [{ "name": "JSON_FORMAT_UNKNOWN", "number": 0 }, { "name": "ALLOW", "number": 1 }, { "name": "LEGACY_BEST_EFFORT", "number": 2 }] }, { "name": "EnforceNamingStyle", "value": [{ "name": "ENFORCE_NAMING_STYLE_UNKNOWN", "number": 0 }, { "name": "STYLE2024", "number": 1 }, { "name": "STYLE_LEGACY", "number": 2 }, { "name": "STYLE2026", "number": 3 }] }], "extensionRange": [{ "start": 1e3, "end": 9995 }, { "start": 9995, "end": 1e4 }, { "start": 1e4, "end": 10001 }] }, { "name": "FeatureSetDefaults", "field": [{ "name": "defaults", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FeatureSetDefaults.FeatureSetEditionDefault" }, { "name": "minimum_edition", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "maximum_edition", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }], "nestedType": [{ "name": "FeatureSetEditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "overridable_features", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "fixed_features", "number": 5, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }] }] }, { "name": "SourceCodeInfo", "field": [{ "name": "location", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.SourceCodeInfo.Location" }], "nestedType": [{ "name": "Location", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "span", "number": 2, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "leading_comments", "number": 3, "type": 9, "label": 1 }, { "name": "trailing_comments", "number": 4, "type": 9, "label": 1 }, { "name": "leading_detached_comments", "number": 6, "type": 9, "label": 3 }] }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "GeneratedCodeInfo", "field": [{ "name": "annotation", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation" }], "nestedType": [{ "name": "Annotation", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "source_file", "number": 2, "type": 9, "label": 1 }, { "name": "begin", "number": 3, "type": 5, "label": 1 }, { "name": "end", "number": 4, "type": 5, "label": 1 }, { "name": "semantic", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation.Semantic" }], "enumType": [{ "name": "Semantic", "value": [{ "name": "NONE", "number": 0 }, { "name": "SET", "number": 1 }, { "name": "ALIAS", "number": 2 }] }] }] }], "enumType": [{ "name": "Edition", "value": [{ "name": "EDITION_UNKNOWN", "number": 0 }, { "name": "EDITION_LEGACY", "number": 900 }, { "name": "EDITION_PROTO2", "number": 998 }, { "name": "EDITION_PROTO3", "number": 999 }, { "name": "EDITION_2023", "number": 1e3 }, { "name": "EDITION_2024", "number": 1001 }, { "name": "EDITION_2026", "number": 1002 }, { "name": "EDITION_UNSTABLE", "number": 9999 }, { "name": "EDITION_1_TEST_ONLY", "number": 1 }, { "name": "EDITION_2_TEST_ONLY", "number": 2 }, { "name": "EDITION_99997_TEST_ONLY", "number": 99997 }, { "name": "EDITION_99998_TEST_ONLY", "number": 99998 }, { "name": "EDITION_99999_TEST_ONLY", "number": 99999 }, { "name": "EDITION_MAX", "number": 2147483647 }] }, { "name": "SymbolVisibility", "value": [{ "name": "VISIBILITY_UNSET", "number": 0 }, { "name": "VISIBILITY_LOCAL", "number": 1 }, { "name": "VISIBILITY_EXPORT", "number": 2 }] }] });
    exports.FileDescriptorSetSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 0);
    exports.FileDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 1);
    exports.DescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 2);
    exports.DescriptorProto_ExtensionRangeSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 2, 0);
    exports.DescriptorProto_ReservedRangeSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 2, 1);
    exports.ExtensionRangeOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 3);
    exports.ExtensionRangeOptions_DeclarationSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 3, 0);
    var ExtensionRangeOptions_VerificationState2;
    (function(ExtensionRangeOptions_VerificationState3) {
      ExtensionRangeOptions_VerificationState3[ExtensionRangeOptions_VerificationState3["DECLARATION"] = 0] = "DECLARATION";
      ExtensionRangeOptions_VerificationState3[ExtensionRangeOptions_VerificationState3["UNVERIFIED"] = 1] = "UNVERIFIED";
    })(ExtensionRangeOptions_VerificationState2 || (exports.ExtensionRangeOptions_VerificationState = ExtensionRangeOptions_VerificationState2 = {}));
    exports.ExtensionRangeOptions_VerificationStateSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 3, 0);
    exports.FieldDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 4);
    var FieldDescriptorProto_Type2;
    (function(FieldDescriptorProto_Type3) {
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["DOUBLE"] = 1] = "DOUBLE";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["FLOAT"] = 2] = "FLOAT";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["INT64"] = 3] = "INT64";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["UINT64"] = 4] = "UINT64";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["INT32"] = 5] = "INT32";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["FIXED64"] = 6] = "FIXED64";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["FIXED32"] = 7] = "FIXED32";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["BOOL"] = 8] = "BOOL";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["STRING"] = 9] = "STRING";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["GROUP"] = 10] = "GROUP";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["MESSAGE"] = 11] = "MESSAGE";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["BYTES"] = 12] = "BYTES";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["UINT32"] = 13] = "UINT32";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["ENUM"] = 14] = "ENUM";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["SFIXED32"] = 15] = "SFIXED32";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["SFIXED64"] = 16] = "SFIXED64";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["SINT32"] = 17] = "SINT32";
      FieldDescriptorProto_Type3[FieldDescriptorProto_Type3["SINT64"] = 18] = "SINT64";
    })(FieldDescriptorProto_Type2 || (exports.FieldDescriptorProto_Type = FieldDescriptorProto_Type2 = {}));
    exports.FieldDescriptorProto_TypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 4, 0);
    var FieldDescriptorProto_Label2;
    (function(FieldDescriptorProto_Label3) {
      FieldDescriptorProto_Label3[FieldDescriptorProto_Label3["OPTIONAL"] = 1] = "OPTIONAL";
      FieldDescriptorProto_Label3[FieldDescriptorProto_Label3["REPEATED"] = 3] = "REPEATED";
      FieldDescriptorProto_Label3[FieldDescriptorProto_Label3["REQUIRED"] = 2] = "REQUIRED";
    })(FieldDescriptorProto_Label2 || (exports.FieldDescriptorProto_Label = FieldDescriptorProto_Label2 = {}));
    exports.FieldDescriptorProto_LabelSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 4, 1);
    exports.OneofDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 5);
    exports.EnumDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 6);
    exports.EnumDescriptorProto_EnumReservedRangeSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 6, 0);
    exports.EnumValueDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 7);
    exports.ServiceDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 8);
    exports.MethodDescriptorProtoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 9);
    exports.FileOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 10);
    var FileOptions_OptimizeMode2;
    (function(FileOptions_OptimizeMode3) {
      FileOptions_OptimizeMode3[FileOptions_OptimizeMode3["SPEED"] = 1] = "SPEED";
      FileOptions_OptimizeMode3[FileOptions_OptimizeMode3["CODE_SIZE"] = 2] = "CODE_SIZE";
      FileOptions_OptimizeMode3[FileOptions_OptimizeMode3["LITE_RUNTIME"] = 3] = "LITE_RUNTIME";
    })(FileOptions_OptimizeMode2 || (exports.FileOptions_OptimizeMode = FileOptions_OptimizeMode2 = {}));
    exports.FileOptions_OptimizeModeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 10, 0);
    exports.MessageOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 11);
    exports.FieldOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 12);
    exports.FieldOptions_EditionDefaultSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 12, 0);
    exports.FieldOptions_FeatureSupportSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 12, 1);
    var FieldOptions_CType2;
    (function(FieldOptions_CType3) {
      FieldOptions_CType3[FieldOptions_CType3["STRING"] = 0] = "STRING";
      FieldOptions_CType3[FieldOptions_CType3["CORD"] = 1] = "CORD";
      FieldOptions_CType3[FieldOptions_CType3["STRING_PIECE"] = 2] = "STRING_PIECE";
    })(FieldOptions_CType2 || (exports.FieldOptions_CType = FieldOptions_CType2 = {}));
    exports.FieldOptions_CTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 12, 0);
    var FieldOptions_JSType2;
    (function(FieldOptions_JSType3) {
      FieldOptions_JSType3[FieldOptions_JSType3["JS_NORMAL"] = 0] = "JS_NORMAL";
      FieldOptions_JSType3[FieldOptions_JSType3["JS_STRING"] = 1] = "JS_STRING";
      FieldOptions_JSType3[FieldOptions_JSType3["JS_NUMBER"] = 2] = "JS_NUMBER";
    })(FieldOptions_JSType2 || (exports.FieldOptions_JSType = FieldOptions_JSType2 = {}));
    exports.FieldOptions_JSTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 12, 1);
    var FieldOptions_OptionRetention2;
    (function(FieldOptions_OptionRetention3) {
      FieldOptions_OptionRetention3[FieldOptions_OptionRetention3["RETENTION_UNKNOWN"] = 0] = "RETENTION_UNKNOWN";
      FieldOptions_OptionRetention3[FieldOptions_OptionRetention3["RETENTION_RUNTIME"] = 1] = "RETENTION_RUNTIME";
      FieldOptions_OptionRetention3[FieldOptions_OptionRetention3["RETENTION_SOURCE"] = 2] = "RETENTION_SOURCE";
    })(FieldOptions_OptionRetention2 || (exports.FieldOptions_OptionRetention = FieldOptions_OptionRetention2 = {}));
    exports.FieldOptions_OptionRetentionSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 12, 2);
    var FieldOptions_OptionTargetType2;
    (function(FieldOptions_OptionTargetType3) {
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_UNKNOWN"] = 0] = "TARGET_TYPE_UNKNOWN";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_FILE"] = 1] = "TARGET_TYPE_FILE";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_EXTENSION_RANGE"] = 2] = "TARGET_TYPE_EXTENSION_RANGE";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_MESSAGE"] = 3] = "TARGET_TYPE_MESSAGE";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_FIELD"] = 4] = "TARGET_TYPE_FIELD";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_ONEOF"] = 5] = "TARGET_TYPE_ONEOF";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_ENUM"] = 6] = "TARGET_TYPE_ENUM";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_ENUM_ENTRY"] = 7] = "TARGET_TYPE_ENUM_ENTRY";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_SERVICE"] = 8] = "TARGET_TYPE_SERVICE";
      FieldOptions_OptionTargetType3[FieldOptions_OptionTargetType3["TARGET_TYPE_METHOD"] = 9] = "TARGET_TYPE_METHOD";
    })(FieldOptions_OptionTargetType2 || (exports.FieldOptions_OptionTargetType = FieldOptions_OptionTargetType2 = {}));
    exports.FieldOptions_OptionTargetTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 12, 3);
    exports.OneofOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 13);
    exports.EnumOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 14);
    exports.EnumValueOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 15);
    exports.ServiceOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 16);
    exports.MethodOptionsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 17);
    var MethodOptions_IdempotencyLevel2;
    (function(MethodOptions_IdempotencyLevel3) {
      MethodOptions_IdempotencyLevel3[MethodOptions_IdempotencyLevel3["IDEMPOTENCY_UNKNOWN"] = 0] = "IDEMPOTENCY_UNKNOWN";
      MethodOptions_IdempotencyLevel3[MethodOptions_IdempotencyLevel3["NO_SIDE_EFFECTS"] = 1] = "NO_SIDE_EFFECTS";
      MethodOptions_IdempotencyLevel3[MethodOptions_IdempotencyLevel3["IDEMPOTENT"] = 2] = "IDEMPOTENT";
    })(MethodOptions_IdempotencyLevel2 || (exports.MethodOptions_IdempotencyLevel = MethodOptions_IdempotencyLevel2 = {}));
    exports.MethodOptions_IdempotencyLevelSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 17, 0);
    exports.UninterpretedOptionSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 18);
    exports.UninterpretedOption_NamePartSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 18, 0);
    exports.FeatureSetSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 19);
    exports.FeatureSet_VisibilityFeatureSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 19, 0);
    var FeatureSet_VisibilityFeature_DefaultSymbolVisibility2;
    (function(FeatureSet_VisibilityFeature_DefaultSymbolVisibility3) {
      FeatureSet_VisibilityFeature_DefaultSymbolVisibility3[FeatureSet_VisibilityFeature_DefaultSymbolVisibility3["DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"] = 0] = "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN";
      FeatureSet_VisibilityFeature_DefaultSymbolVisibility3[FeatureSet_VisibilityFeature_DefaultSymbolVisibility3["EXPORT_ALL"] = 1] = "EXPORT_ALL";
      FeatureSet_VisibilityFeature_DefaultSymbolVisibility3[FeatureSet_VisibilityFeature_DefaultSymbolVisibility3["EXPORT_TOP_LEVEL"] = 2] = "EXPORT_TOP_LEVEL";
      FeatureSet_VisibilityFeature_DefaultSymbolVisibility3[FeatureSet_VisibilityFeature_DefaultSymbolVisibility3["LOCAL_ALL"] = 3] = "LOCAL_ALL";
      FeatureSet_VisibilityFeature_DefaultSymbolVisibility3[FeatureSet_VisibilityFeature_DefaultSymbolVisibility3["STRICT"] = 4] = "STRICT";
    })(FeatureSet_VisibilityFeature_DefaultSymbolVisibility2 || (exports.FeatureSet_VisibilityFeature_DefaultSymbolVisibility = FeatureSet_VisibilityFeature_DefaultSymbolVisibility2 = {}));
    exports.FeatureSet_VisibilityFeature_DefaultSymbolVisibilitySchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 0, 0);
    exports.FeatureSet_ProtoLimitsFeatureSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 19, 1);
    var FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2;
    (function(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3) {
      FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3["PROTO_LIMITS_UNKNOWN"] = 0] = "PROTO_LIMITS_UNKNOWN";
      FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3["LEGACY_NO_EXPLICIT_LIMITS"] = 1] = "LEGACY_NO_EXPLICIT_LIMITS";
      FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits3["PROTO_LIMITS2026"] = 2] = "PROTO_LIMITS2026";
    })(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2 || (exports.FeatureSet_ProtoLimitsFeature_EnforceProtoLimits = FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2 = {}));
    exports.FeatureSet_ProtoLimitsFeature_EnforceProtoLimitsSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 1, 0);
    var FeatureSet_FieldPresence2;
    (function(FeatureSet_FieldPresence3) {
      FeatureSet_FieldPresence3[FeatureSet_FieldPresence3["FIELD_PRESENCE_UNKNOWN"] = 0] = "FIELD_PRESENCE_UNKNOWN";
      FeatureSet_FieldPresence3[FeatureSet_FieldPresence3["EXPLICIT"] = 1] = "EXPLICIT";
      FeatureSet_FieldPresence3[FeatureSet_FieldPresence3["IMPLICIT"] = 2] = "IMPLICIT";
      FeatureSet_FieldPresence3[FeatureSet_FieldPresence3["LEGACY_REQUIRED"] = 3] = "LEGACY_REQUIRED";
    })(FeatureSet_FieldPresence2 || (exports.FeatureSet_FieldPresence = FeatureSet_FieldPresence2 = {}));
    exports.FeatureSet_FieldPresenceSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 0);
    var FeatureSet_EnumType2;
    (function(FeatureSet_EnumType3) {
      FeatureSet_EnumType3[FeatureSet_EnumType3["ENUM_TYPE_UNKNOWN"] = 0] = "ENUM_TYPE_UNKNOWN";
      FeatureSet_EnumType3[FeatureSet_EnumType3["OPEN"] = 1] = "OPEN";
      FeatureSet_EnumType3[FeatureSet_EnumType3["CLOSED"] = 2] = "CLOSED";
    })(FeatureSet_EnumType2 || (exports.FeatureSet_EnumType = FeatureSet_EnumType2 = {}));
    exports.FeatureSet_EnumTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 1);
    var FeatureSet_RepeatedFieldEncoding2;
    (function(FeatureSet_RepeatedFieldEncoding3) {
      FeatureSet_RepeatedFieldEncoding3[FeatureSet_RepeatedFieldEncoding3["REPEATED_FIELD_ENCODING_UNKNOWN"] = 0] = "REPEATED_FIELD_ENCODING_UNKNOWN";
      FeatureSet_RepeatedFieldEncoding3[FeatureSet_RepeatedFieldEncoding3["PACKED"] = 1] = "PACKED";
      FeatureSet_RepeatedFieldEncoding3[FeatureSet_RepeatedFieldEncoding3["EXPANDED"] = 2] = "EXPANDED";
    })(FeatureSet_RepeatedFieldEncoding2 || (exports.FeatureSet_RepeatedFieldEncoding = FeatureSet_RepeatedFieldEncoding2 = {}));
    exports.FeatureSet_RepeatedFieldEncodingSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 2);
    var FeatureSet_Utf8Validation2;
    (function(FeatureSet_Utf8Validation3) {
      FeatureSet_Utf8Validation3[FeatureSet_Utf8Validation3["UTF8_VALIDATION_UNKNOWN"] = 0] = "UTF8_VALIDATION_UNKNOWN";
      FeatureSet_Utf8Validation3[FeatureSet_Utf8Validation3["VERIFY"] = 2] = "VERIFY";
      FeatureSet_Utf8Validation3[FeatureSet_Utf8Validation3["NONE"] = 3] = "NONE";
    })(FeatureSet_Utf8Validation2 || (exports.FeatureSet_Utf8Validation = FeatureSet_Utf8Validation2 = {}));
    exports.FeatureSet_Utf8ValidationSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 3);
    var FeatureSet_MessageEncoding2;
    (function(FeatureSet_MessageEncoding3) {
      FeatureSet_MessageEncoding3[FeatureSet_MessageEncoding3["MESSAGE_ENCODING_UNKNOWN"] = 0] = "MESSAGE_ENCODING_UNKNOWN";
      FeatureSet_MessageEncoding3[FeatureSet_MessageEncoding3["LENGTH_PREFIXED"] = 1] = "LENGTH_PREFIXED";
      FeatureSet_MessageEncoding3[FeatureSet_MessageEncoding3["DELIMITED"] = 2] = "DELIMITED";
    })(FeatureSet_MessageEncoding2 || (exports.FeatureSet_MessageEncoding = FeatureSet_MessageEncoding2 = {}));
    exports.FeatureSet_MessageEncodingSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 4);
    var FeatureSet_JsonFormat2;
    (function(FeatureSet_JsonFormat3) {
      FeatureSet_JsonFormat3[FeatureSet_JsonFormat3["JSON_FORMAT_UNKNOWN"] = 0] = "JSON_FORMAT_UNKNOWN";
      FeatureSet_JsonFormat3[FeatureSet_JsonFormat3["ALLOW"] = 1] = "ALLOW";
      FeatureSet_JsonFormat3[FeatureSet_JsonFormat3["LEGACY_BEST_EFFORT"] = 2] = "LEGACY_BEST_EFFORT";
    })(FeatureSet_JsonFormat2 || (exports.FeatureSet_JsonFormat = FeatureSet_JsonFormat2 = {}));
    exports.FeatureSet_JsonFormatSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 5);
    var FeatureSet_EnforceNamingStyle2;
    (function(FeatureSet_EnforceNamingStyle3) {
      FeatureSet_EnforceNamingStyle3[FeatureSet_EnforceNamingStyle3["ENFORCE_NAMING_STYLE_UNKNOWN"] = 0] = "ENFORCE_NAMING_STYLE_UNKNOWN";
      FeatureSet_EnforceNamingStyle3[FeatureSet_EnforceNamingStyle3["STYLE2024"] = 1] = "STYLE2024";
      FeatureSet_EnforceNamingStyle3[FeatureSet_EnforceNamingStyle3["STYLE_LEGACY"] = 2] = "STYLE_LEGACY";
      FeatureSet_EnforceNamingStyle3[FeatureSet_EnforceNamingStyle3["STYLE2026"] = 3] = "STYLE2026";
    })(FeatureSet_EnforceNamingStyle2 || (exports.FeatureSet_EnforceNamingStyle = FeatureSet_EnforceNamingStyle2 = {}));
    exports.FeatureSet_EnforceNamingStyleSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 19, 6);
    exports.FeatureSetDefaultsSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 20);
    exports.FeatureSetDefaults_FeatureSetEditionDefaultSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 20, 0);
    exports.SourceCodeInfoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 21);
    exports.SourceCodeInfo_LocationSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 21, 0);
    exports.GeneratedCodeInfoSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 22);
    exports.GeneratedCodeInfo_AnnotationSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_descriptor, 22, 0);
    var GeneratedCodeInfo_Annotation_Semantic2;
    (function(GeneratedCodeInfo_Annotation_Semantic3) {
      GeneratedCodeInfo_Annotation_Semantic3[GeneratedCodeInfo_Annotation_Semantic3["NONE"] = 0] = "NONE";
      GeneratedCodeInfo_Annotation_Semantic3[GeneratedCodeInfo_Annotation_Semantic3["SET"] = 1] = "SET";
      GeneratedCodeInfo_Annotation_Semantic3[GeneratedCodeInfo_Annotation_Semantic3["ALIAS"] = 2] = "ALIAS";
    })(GeneratedCodeInfo_Annotation_Semantic2 || (exports.GeneratedCodeInfo_Annotation_Semantic = GeneratedCodeInfo_Annotation_Semantic2 = {}));
    exports.GeneratedCodeInfo_Annotation_SemanticSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 22, 0, 0);
    var Edition2;
    (function(Edition3) {
      Edition3[Edition3["EDITION_UNKNOWN"] = 0] = "EDITION_UNKNOWN";
      Edition3[Edition3["EDITION_LEGACY"] = 900] = "EDITION_LEGACY";
      Edition3[Edition3["EDITION_PROTO2"] = 998] = "EDITION_PROTO2";
      Edition3[Edition3["EDITION_PROTO3"] = 999] = "EDITION_PROTO3";
      Edition3[Edition3["EDITION_2023"] = 1e3] = "EDITION_2023";
      Edition3[Edition3["EDITION_2024"] = 1001] = "EDITION_2024";
      Edition3[Edition3["EDITION_2026"] = 1002] = "EDITION_2026";
      Edition3[Edition3["EDITION_UNSTABLE"] = 9999] = "EDITION_UNSTABLE";
      Edition3[Edition3["EDITION_1_TEST_ONLY"] = 1] = "EDITION_1_TEST_ONLY";
      Edition3[Edition3["EDITION_2_TEST_ONLY"] = 2] = "EDITION_2_TEST_ONLY";
      Edition3[Edition3["EDITION_99997_TEST_ONLY"] = 99997] = "EDITION_99997_TEST_ONLY";
      Edition3[Edition3["EDITION_99998_TEST_ONLY"] = 99998] = "EDITION_99998_TEST_ONLY";
      Edition3[Edition3["EDITION_99999_TEST_ONLY"] = 99999] = "EDITION_99999_TEST_ONLY";
      Edition3[Edition3["EDITION_MAX"] = 2147483647] = "EDITION_MAX";
    })(Edition2 || (exports.Edition = Edition2 = {}));
    exports.EditionSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 0);
    var SymbolVisibility2;
    (function(SymbolVisibility3) {
      SymbolVisibility3[SymbolVisibility3["VISIBILITY_UNSET"] = 0] = "VISIBILITY_UNSET";
      SymbolVisibility3[SymbolVisibility3["VISIBILITY_LOCAL"] = 1] = "VISIBILITY_LOCAL";
      SymbolVisibility3[SymbolVisibility3["VISIBILITY_EXPORT"] = 2] = "VISIBILITY_EXPORT";
    })(SymbolVisibility2 || (exports.SymbolVisibility = SymbolVisibility2 = {}));
    exports.SymbolVisibilitySchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_descriptor, 1);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/from-binary.js
var require_from_binary = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/from-binary.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.makeReadContext = makeReadContext2;
    exports.fromBinary = fromBinary5;
    exports.mergeFromBinary = mergeFromBinary;
    exports.readField = readField;
    var descriptors_js_1 = require_descriptors();
    var scalar_js_1 = require_scalar();
    var error_js_1 = require_error();
    var unsafe_js_1 = require_unsafe();
    var message_js_1 = require_message();
    var create_js_1 = require_create();
    var binary_encoding_js_1 = require_binary_encoding();
    var varint_js_1 = require_varint();
    function makeReadContext2(options) {
      return Object.assign(Object.assign({ readUnknownFields: true, recursionLimit: 100 }, options), { depth: 0 });
    }
    function fromBinary5(schema, bytes, options) {
      const message = (0, create_js_1.create)(schema);
      compiledReader2(schema).read(message, new binary_encoding_js_1.BinaryReader(bytes), makeReadContext2(options), bytes.byteLength);
      return message;
    }
    function mergeFromBinary(schema, target, bytes, options) {
      if (target.$typeName !== schema.typeName && schema.fields.length > 0) {
        throw new error_js_1.FieldError(schema.fields[0], `cannot use ${schema.fields[0]} with message ${target.$typeName}`, "ForeignFieldError");
      }
      compiledReader2(schema).read(target, new binary_encoding_js_1.BinaryReader(bytes), makeReadContext2(options), bytes.byteLength);
      return target;
    }
    var compiledReaders2 = /* @__PURE__ */ new WeakMap();
    function compiledReader2(desc) {
      let compiled = compiledReaders2.get(desc);
      if (compiled === void 0) {
        compiled = compileMessage2(desc);
      }
      return compiled;
    }
    function compileMessage2(desc) {
      const descString = String(desc);
      const fieldReaders = /* @__PURE__ */ new Map();
      const compiled = {
        read: compileMessageReader2(descString, fieldReaders),
        readGroup: compileGroupReader2(descString, fieldReaders)
      };
      compiledReaders2.set(desc, compiled);
      for (const field of desc.fields) {
        fieldReaders.set(field.number, compileFieldReader2(field));
      }
      return compiled;
    }
    function compileMessageReader2(descString, fieldReaders) {
      return (message, reader, ctx, length) => {
        var _a;
        if (++ctx.depth > ctx.recursionLimit) {
          throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
        }
        const end = reader.pos + length;
        const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
        while (reader.pos < end) {
          const [fieldNo, wireType] = reader.tag();
          const fieldReader = fieldReaders.get(fieldNo);
          if (fieldReader === void 0) {
            const data = reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
            if (ctx.readUnknownFields) {
              unknownFields.push({ no: fieldNo, wireType, data });
            }
            continue;
          }
          fieldReader(message, reader, ctx, wireType);
        }
        if (unknownFields.length > 0) {
          message.$unknown = unknownFields;
        }
        ctx.depth--;
      };
    }
    function compileGroupReader2(descString, fieldReaders) {
      return (message, reader, ctx, fieldNo) => {
        var _a;
        if (++ctx.depth > ctx.recursionLimit) {
          throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
        }
        let recordFieldNo;
        let wireType;
        const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
        while (reader.pos < reader.len) {
          [recordFieldNo, wireType] = reader.tag();
          if (wireType == binary_encoding_js_1.WireType.EndGroup) {
            break;
          }
          const fieldReader = fieldReaders.get(recordFieldNo);
          if (fieldReader === void 0) {
            const data = reader.skip(wireType, recordFieldNo, ctx.recursionLimit - ctx.depth);
            if (ctx.readUnknownFields) {
              unknownFields.push({ no: recordFieldNo, wireType, data });
            }
            continue;
          }
          fieldReader(message, reader, ctx, wireType);
        }
        if (wireType != binary_encoding_js_1.WireType.EndGroup || recordFieldNo !== fieldNo) {
          throw new Error("invalid end group tag");
        }
        if (unknownFields.length > 0) {
          message.$unknown = unknownFields;
        }
        ctx.depth--;
      };
    }
    function readField(message, reader, field, wireType, ctx) {
      compileFieldReader2(field)(message[unsafe_js_1.unsafeLocal], reader, ctx, wireType);
    }
    function compileFieldReader2(field) {
      switch (field.fieldKind) {
        case "scalar":
          return compileScalarFieldReader2(field);
        case "enum":
          return compileEnumFieldReader2(field);
        case "message":
          return compileMessageFieldReader2(field);
        case "list":
          return compileListFieldReader2(field);
        case "map":
          return compileMapFieldReader2(field);
      }
    }
    function compileScalarFieldReader2(field) {
      const readScalar = compileScalarReader2(field.scalar, field.utf8Validation, field.longAsString);
      const localName = field.localName;
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, reader) => {
          message[oneofLocalName] = {
            case: localName,
            value: readScalar(reader)
          };
        };
      }
      return (message, reader) => {
        message[localName] = readScalar(reader);
      };
    }
    function compileEnumFieldReader2(field) {
      var _a;
      const localName = field.localName;
      const oneofLocalName = (_a = field.oneof) === null || _a === void 0 ? void 0 : _a.localName;
      if (field.enum.open) {
        if (oneofLocalName !== void 0) {
          return (message, reader) => {
            message[oneofLocalName] = { case: localName, value: reader.int32() };
          };
        }
        return (message, reader) => {
          message[localName] = reader.int32();
        };
      }
      const values = field.enum.values;
      const fieldNo = field.number;
      return (message, reader, ctx, wireType) => {
        var _a2;
        const val = reader.int32();
        if (values.some((v) => v.number === val)) {
          if (oneofLocalName !== void 0) {
            message[oneofLocalName] = { case: localName, value: val };
          } else {
            message[localName] = val;
          }
        } else if (ctx.readUnknownFields) {
          const bytes = [];
          (0, varint_js_1.varint32write)(val, bytes);
          const unknownFields = (_a2 = message.$unknown) !== null && _a2 !== void 0 ? _a2 : [];
          unknownFields.push({
            no: fieldNo,
            wireType,
            data: new Uint8Array(bytes)
          });
          message.$unknown = unknownFields;
        }
      };
    }
    function compileMessageFieldReader2(field) {
      const localName = field.localName;
      const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
      const readChild = compileChildReader2(field);
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, reader, ctx) => {
          const oneof = message[oneofLocalName];
          const child = toMessage(oneof.case === localName ? oneof.value : void 0);
          readChild(child, reader, ctx);
          message[oneofLocalName] = { case: localName, value: toLocal(child) };
        };
      }
      return (message, reader, ctx) => {
        const child = toMessage(message[localName]);
        readChild(child, reader, ctx);
        message[localName] = toLocal(child);
      };
    }
    function compileChildReader2(field) {
      const compiledChild = compiledReader2(field.message);
      if (field.delimitedEncoding) {
        const fieldNo = field.number;
        return (child, reader, ctx) => compiledChild.readGroup(child, reader, ctx, fieldNo);
      }
      return (child, reader, ctx) => compiledChild.read(child, reader, ctx, reader.uint32());
    }
    function compileListFieldReader2(field) {
      const localName = field.localName;
      if (field.listKind == "message") {
        const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
        const readChild = compileChildReader2(field);
        return (message, reader, ctx) => {
          const child = toMessage(void 0);
          readChild(child, reader, ctx);
          message[localName].push(toLocal(child));
        };
      }
      const scalarType = field.listKind == "enum" ? descriptors_js_1.ScalarType.INT32 : field.scalar;
      const longAsString = field.listKind == "scalar" ? field.longAsString : false;
      const readScalar = compileScalarReader2(scalarType, field.utf8Validation, longAsString);
      const packedPossible = scalarType != descriptors_js_1.ScalarType.STRING && scalarType != descriptors_js_1.ScalarType.BYTES;
      return (message, reader, ctx, wireType) => {
        const items = message[localName];
        if (wireType == binary_encoding_js_1.WireType.LengthDelimited && packedPossible) {
          const end = reader.uint32() + reader.pos;
          while (reader.pos < end) {
            items.push(readScalar(reader));
          }
        } else {
          items.push(readScalar(reader));
        }
      };
    }
    function compileMapFieldReader2(field) {
      const localName = field.localName;
      const readKey = compileScalarReader2(field.mapKey, field.utf8Validation, false);
      const keyZero = (0, scalar_js_1.scalarZeroValue)(field.mapKey, false);
      let readValue;
      let valueDefault;
      switch (field.mapKind) {
        case "scalar": {
          const scalar = field.scalar;
          const readScalar = compileScalarReader2(scalar, field.utf8Validation, false);
          readValue = (reader) => readScalar(reader);
          if (scalar == descriptors_js_1.ScalarType.BYTES) {
            valueDefault = () => new Uint8Array(0);
          } else {
            const zero = (0, scalar_js_1.scalarZeroValue)(scalar, false);
            valueDefault = () => zero;
          }
          break;
        }
        case "enum": {
          const zero = field.enum.values[0].number;
          readValue = (reader) => reader.int32();
          valueDefault = () => zero;
          break;
        }
        case "message": {
          const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
          const readChild = compiledReader2(field.message).read;
          readValue = (reader, ctx, existing) => {
            const child = toMessage(existing);
            readChild(child, reader, ctx, reader.uint32());
            return toLocal(child);
          };
          valueDefault = () => toLocal(toMessage(void 0));
          break;
        }
      }
      return (message, reader, ctx) => {
        const record = message[localName];
        let key;
        let val;
        const len = reader.uint32();
        const end = reader.pos + len;
        while (reader.pos < end) {
          const [fieldNo, wireType] = reader.tag();
          switch (fieldNo) {
            case 1:
              key = readKey(reader);
              break;
            case 2:
              val = readValue(reader, ctx, val);
              break;
            default:
              reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
          }
        }
        if (key === void 0) {
          key = keyZero;
        }
        if (val === void 0) {
          val = valueDefault();
        }
        (0, unsafe_js_1.setOwn)(record, key, val);
      };
    }
    function compileScalarReader2(type, utf8Validation, longAsString) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return (reader) => reader.string(utf8Validation);
        case descriptors_js_1.ScalarType.BOOL:
          return (reader) => reader.bool();
        case descriptors_js_1.ScalarType.DOUBLE:
          return (reader) => reader.double();
        case descriptors_js_1.ScalarType.FLOAT:
          return (reader) => reader.float();
        case descriptors_js_1.ScalarType.INT32:
          return (reader) => reader.int32();
        case descriptors_js_1.ScalarType.INT64:
          if (longAsString) {
            return (reader) => String(reader.int64());
          }
          return (reader) => reader.int64();
        case descriptors_js_1.ScalarType.UINT64:
          if (longAsString) {
            return (reader) => String(reader.uint64());
          }
          return (reader) => reader.uint64();
        case descriptors_js_1.ScalarType.FIXED64:
          if (longAsString) {
            return (reader) => String(reader.fixed64());
          }
          return (reader) => reader.fixed64();
        case descriptors_js_1.ScalarType.BYTES:
          return (reader) => reader.bytes();
        case descriptors_js_1.ScalarType.FIXED32:
          return (reader) => reader.fixed32();
        case descriptors_js_1.ScalarType.SFIXED32:
          return (reader) => reader.sfixed32();
        case descriptors_js_1.ScalarType.SFIXED64:
          if (longAsString) {
            return (reader) => String(reader.sfixed64());
          }
          return (reader) => reader.sfixed64();
        case descriptors_js_1.ScalarType.SINT64:
          if (longAsString) {
            return (reader) => String(reader.sint64());
          }
          return (reader) => reader.sint64();
        case descriptors_js_1.ScalarType.UINT32:
          return (reader) => reader.uint32();
        case descriptors_js_1.ScalarType.SINT32:
          return (reader) => reader.sint32();
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/file.js
var require_file = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/file.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fileDesc = fileDesc2;
    var base64_encoding_js_1 = require_base64_encoding();
    var descriptor_pb_js_1 = require_descriptor_pb();
    var registry_js_1 = require_registry();
    var restore_json_names_js_1 = require_restore_json_names();
    var from_binary_js_1 = require_from_binary();
    function fileDesc2(b64, imports) {
      var _a;
      const root = (0, from_binary_js_1.fromBinary)(descriptor_pb_js_1.FileDescriptorProtoSchema, (0, base64_encoding_js_1.base64Decode)(b64));
      root.messageType.forEach(restore_json_names_js_1.restoreJsonNames);
      root.dependency = (_a = imports === null || imports === void 0 ? void 0 : imports.map((f) => f.proto.name)) !== null && _a !== void 0 ? _a : [];
      const reg = (0, registry_js_1.createEmbeddedFileRegistry)(root, (protoFileName) => imports === null || imports === void 0 ? void 0 : imports.find((f) => f.proto.name === protoFileName));
      return reg.getFile(root.name);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/timestamp_pb.js
var require_timestamp_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/timestamp_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TimestampSchema = exports.file_google_protobuf_timestamp = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_timestamp = (0, file_js_1.fileDesc)("Ch9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvEg9nb29nbGUucHJvdG9idWYiKwoJVGltZXN0YW1wEg8KB3NlY29uZHMYASABKAMSDQoFbmFub3MYAiABKAVChQEKE2NvbS5nb29nbGUucHJvdG9idWZCDlRpbWVzdGFtcFByb3RvUAFaMmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3RpbWVzdGFtcHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
    exports.TimestampSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_timestamp, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/timestamp.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.timestampNow = timestampNow;
    exports.timestampFromDate = timestampFromDate;
    exports.timestampDate = timestampDate;
    exports.timestampFromMs = timestampFromMs;
    exports.timestampMs = timestampMs;
    var timestamp_pb_js_1 = require_timestamp_pb();
    var create_js_1 = require_create();
    var proto_int64_js_1 = require_proto_int64();
    function timestampNow() {
      return timestampFromDate(/* @__PURE__ */ new Date());
    }
    function timestampFromDate(date) {
      return timestampFromMs(date.getTime());
    }
    function timestampDate(timestamp) {
      return new Date(timestampMs(timestamp));
    }
    function timestampFromMs(timestampMs2) {
      const seconds = Math.floor(timestampMs2 / 1e3);
      return (0, create_js_1.create)(timestamp_pb_js_1.TimestampSchema, {
        seconds: proto_int64_js_1.protoInt64.parse(seconds),
        nanos: (timestampMs2 - seconds * 1e3) * 1e6
      });
    }
    function timestampMs(timestamp) {
      return Number(timestamp.seconds) * 1e3 + Math.round(timestamp.nanos / 1e6);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/duration_pb.js
var require_duration_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/duration_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DurationSchema = exports.file_google_protobuf_duration = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_duration = (0, file_js_1.fileDesc)("Ch5nb29nbGUvcHJvdG9idWYvZHVyYXRpb24ucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIqCghEdXJhdGlvbhIPCgdzZWNvbmRzGAEgASgDEg0KBW5hbm9zGAIgASgFQoMBChNjb20uZ29vZ2xlLnByb3RvYnVmQg1EdXJhdGlvblByb3RvUAFaMWdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2R1cmF0aW9ucGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");
    exports.DurationSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_duration, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/duration.js
var require_duration = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/duration.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.durationFromMs = durationFromMs;
    exports.durationMs = durationMs;
    var duration_pb_js_1 = require_duration_pb();
    var create_js_1 = require_create();
    var proto_int64_js_1 = require_proto_int64();
    function durationFromMs(durationMs2) {
      const sign = durationMs2 < 0 ? -1 : 1;
      const absDurationMs = Math.abs(durationMs2);
      const absSeconds = Math.floor(absDurationMs / 1e3);
      const absNanos = (absDurationMs - absSeconds * 1e3) * 1e6;
      return (0, create_js_1.create)(duration_pb_js_1.DurationSchema, {
        seconds: proto_int64_js_1.protoInt64.parse(absSeconds * sign),
        nanos: absNanos === 0 ? 0 : absNanos * sign
        // deliberately avoid signed 0 - it does not serialize
      });
    }
    function durationMs(duration) {
      return Number(duration.seconds) * 1e3 + Math.round(duration.nanos / 1e6);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/any_pb.js
var require_any_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/any_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AnySchema = exports.file_google_protobuf_any = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_any = (0, file_js_1.fileDesc)("Chlnb29nbGUvcHJvdG9idWYvYW55LnByb3RvEg9nb29nbGUucHJvdG9idWYiJgoDQW55EhAKCHR5cGVfdXJsGAEgASgJEg0KBXZhbHVlGAIgASgMQnYKE2NvbS5nb29nbGUucHJvdG9idWZCCEFueVByb3RvUAFaLGdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2FueXBiogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
    exports.AnySchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_any, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/to-binary.js
var require_to_binary = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/to-binary.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toBinary = toBinary3;
    exports.writeField = writeField;
    var binary_encoding_js_1 = require_binary_encoding();
    var descriptors_js_1 = require_descriptors();
    var error_js_1 = require_error();
    var unsafe_js_1 = require_unsafe();
    var message_js_1 = require_message();
    var proto_int64_js_1 = require_proto_int64();
    var IMPLICIT3 = 2;
    var LEGACY_REQUIRED2 = 3;
    var writeDefaults = {
      writeUnknownFields: true
    };
    function makeWriteOptions(options) {
      return options ? Object.assign(Object.assign({}, writeDefaults), options) : writeDefaults;
    }
    function toBinary3(schema, message, options) {
      const writer = new binary_encoding_js_1.BinaryWriter();
      compiledWriter(schema)(writer, makeWriteOptions(options), message);
      return writer.finish();
    }
    var compiledWriters = /* @__PURE__ */ new WeakMap();
    function compiledWriter(desc) {
      let compiled = compiledWriters.get(desc);
      if (compiled === void 0) {
        compiled = compileMessage2(desc);
      }
      return compiled;
    }
    function compileMessage2(desc) {
      const typeName = desc.typeName;
      const sortedFields = desc.fields.concat().sort((a, b) => a.number - b.number);
      const foreignField = sortedFields[0];
      const fieldWriters = [];
      const compiled = (writer, opts, message) => {
        if (message.$typeName !== typeName && foreignField !== void 0) {
          throw new error_js_1.FieldError(foreignField, `cannot use ${foreignField} with message ${message.$typeName}`, "ForeignFieldError");
        }
        for (let i = 0; i < fieldWriters.length; i++) {
          fieldWriters[i](writer, opts, message);
        }
        const unknown = message.$unknown;
        if (unknown !== void 0 && opts.writeUnknownFields) {
          for (let i = 0; i < unknown.length; i++) {
            const { no, wireType, data } = unknown[i];
            writer.tag(no, wireType).raw(data);
          }
        }
      };
      compiledWriters.set(desc, compiled);
      for (const field of sortedFields) {
        fieldWriters.push(compileField(field));
      }
      return compiled;
    }
    function compileField(field) {
      switch (field.fieldKind) {
        case "message":
        case "scalar":
        case "enum":
          return compileSingularField(field);
        case "list":
          return compileListField(field);
        case "map":
          return compileMapField(field);
      }
    }
    function compileSingularField(field) {
      const writeValue = compileSingularValue(field);
      const localName = field.localName;
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (writer, opts, message) => {
          const oneof = message[oneofLocalName];
          if (oneof.case === localName) {
            writeValue(writer, opts, oneof.value);
          }
        };
      }
      if (field.presence != IMPLICIT3) {
        const requiredError = field.presence == LEGACY_REQUIRED2 ? `cannot encode ${field} to binary: required field not set` : void 0;
        return (writer, opts, message) => {
          const value = message[localName];
          if (value !== void 0 && Object.prototype.hasOwnProperty.call(message, localName)) {
            writeValue(writer, opts, value);
          } else if (requiredError !== void 0) {
            throw new Error(requiredError);
          }
        };
      }
      if (field.fieldKind == "enum") {
        const zero = field.enum.values[0].number;
        return (writer, opts, message) => {
          const value = message[localName];
          if (value !== zero) {
            writeValue(writer, opts, value);
          }
        };
      }
      switch (field.scalar) {
        case descriptors_js_1.ScalarType.BOOL:
          return (writer, opts, message) => {
            const value = message[localName];
            if (value !== false) {
              writeValue(writer, opts, value);
            }
          };
        case descriptors_js_1.ScalarType.STRING:
          return (writer, opts, message) => {
            const value = message[localName];
            if (value !== "") {
              writeValue(writer, opts, value);
            }
          };
        case descriptors_js_1.ScalarType.BYTES:
          return (writer, opts, message) => {
            const value = message[localName];
            if (!(value instanceof Uint8Array) || value.byteLength > 0) {
              writeValue(writer, opts, value);
            }
          };
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          return (writer, opts, message) => {
            const value = message[localName];
            if (!Object.is(value, 0)) {
              writeValue(writer, opts, value);
            }
          };
        default:
          return (writer, opts, message) => {
            const value = message[localName];
            if (value != 0) {
              writeValue(writer, opts, value);
            }
          };
      }
    }
    function compileSingularValue(field) {
      switch (field.fieldKind) {
        case "message": {
          const { toMessage } = (0, message_js_1.localMessageMapper)(field);
          const writeChild = compileChildWriter(field);
          return (writer, opts, value) => {
            writeChild(writer, opts, toMessage(value));
          };
        }
        case "scalar":
        case "enum": {
          const scalarType = field.fieldKind == "enum" ? descriptors_js_1.ScalarType.INT32 : field.scalar;
          const fieldNo = field.number;
          const wireType = writeTypeOfScalar(scalarType);
          const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
          return (writer, opts, value) => {
            writer.tag(fieldNo, wireType);
            writeScalar(writer, value);
          };
        }
      }
    }
    function compileListField(field) {
      const localName = field.localName;
      const fieldNo = field.number;
      switch (field.listKind) {
        case "message": {
          const { toMessage } = (0, message_js_1.localMessageMapper)(field);
          const writeChild = compileChildWriter(field);
          return (writer, opts, message) => {
            const items = message[localName];
            for (let i = 0; i < items.length; i++) {
              writeChild(writer, opts, toMessage(items[i]));
            }
          };
        }
        case "scalar":
        case "enum": {
          const scalarType = field.listKind == "enum" ? descriptors_js_1.ScalarType.INT32 : field.scalar;
          const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
          if (field.packed) {
            return (writer, opts, message) => {
              const items = message[localName];
              if (items.length == 0) {
                return;
              }
              writer.tag(fieldNo, binary_encoding_js_1.WireType.LengthDelimited).fork();
              for (let i = 0; i < items.length; i++) {
                writeScalar(writer, items[i]);
              }
              writer.join();
            };
          }
          const wireType = writeTypeOfScalar(scalarType);
          return (writer, opts, message) => {
            const items = message[localName];
            for (let i = 0; i < items.length; i++) {
              writer.tag(fieldNo, wireType);
              writeScalar(writer, items[i]);
            }
          };
        }
      }
    }
    function compileMapField(field) {
      const localName = field.localName;
      const fieldNo = field.number;
      const writeKey = compileMapKey(field);
      if (field.mapKind == "message") {
        const { toMessage } = (0, message_js_1.localMessageMapper)(field);
        const writeMessage = compiledWriter(field.message);
        return (writer, opts, message) => {
          const record = message[localName];
          const keys = Object.keys(record);
          for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            writer.tag(fieldNo, binary_encoding_js_1.WireType.LengthDelimited).fork();
            writeKey(writer, key);
            writer.tag(2, binary_encoding_js_1.WireType.LengthDelimited).fork();
            writeMessage(writer, opts, toMessage(record[key]));
            writer.join();
            writer.join();
          }
        };
      }
      const scalarType = field.mapKind == "enum" ? descriptors_js_1.ScalarType.INT32 : field.scalar;
      const valueWireType = writeTypeOfScalar(scalarType);
      const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
      return (writer, opts, message) => {
        const record = message[localName];
        const keys = Object.keys(record);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          writer.tag(fieldNo, binary_encoding_js_1.WireType.LengthDelimited).fork();
          writeKey(writer, key);
          writer.tag(2, valueWireType);
          writeScalar(writer, record[key]);
          writer.join();
        }
      };
    }
    function compileMapKey(field) {
      const wireType = writeTypeOfScalar(field.mapKey);
      const writeScalar = compileScalarValue(field.mapKey, field.parent.typeName, field.name);
      const convertKey = compileMapKeyConverter(field.mapKey);
      return (writer, key) => {
        writer.tag(1, wireType);
        writeScalar(writer, convertKey(key));
      };
    }
    function compileMapKeyConverter(type) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return (key) => key;
        case descriptors_js_1.ScalarType.BOOL:
          return (key) => key === "true" ? true : key === "false" ? false : key;
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
          return (key) => {
            try {
              return proto_int64_js_1.protoInt64.uParse(key);
            } catch (_a) {
              return key;
            }
          };
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return (key) => {
            try {
              return proto_int64_js_1.protoInt64.parse(key);
            } catch (_a) {
              return key;
            }
          };
        default:
          return (key) => {
            const n = Number.parseInt(key);
            return Number.isFinite(n) ? n : key;
          };
      }
    }
    function compileScalarValue(type, messageName, fieldName) {
      const writeScalar = compileScalarWrite(type);
      return (writer, value) => {
        try {
          writeScalar(writer, value);
        } catch (e) {
          if (e instanceof Error) {
            throw new Error(`cannot encode field ${messageName}.${fieldName} to binary: ${e.message}`);
          }
          throw e;
        }
      };
    }
    function compileScalarWrite(type) {
      switch (type) {
        case descriptors_js_1.ScalarType.STRING:
          return (writer, value) => writer.string(value);
        case descriptors_js_1.ScalarType.BOOL:
          return (writer, value) => writer.bool(value);
        case descriptors_js_1.ScalarType.DOUBLE:
          return (writer, value) => writer.double(value);
        case descriptors_js_1.ScalarType.FLOAT:
          return (writer, value) => writer.float(value);
        case descriptors_js_1.ScalarType.INT32:
          return (writer, value) => writer.int32(value);
        case descriptors_js_1.ScalarType.INT64:
          return (writer, value) => writer.int64(value);
        case descriptors_js_1.ScalarType.UINT64:
          return (writer, value) => writer.uint64(value);
        case descriptors_js_1.ScalarType.FIXED64:
          return (writer, value) => writer.fixed64(value);
        case descriptors_js_1.ScalarType.BYTES:
          return (writer, value) => writer.bytes(value);
        case descriptors_js_1.ScalarType.FIXED32:
          return (writer, value) => writer.fixed32(value);
        case descriptors_js_1.ScalarType.SFIXED32:
          return (writer, value) => writer.sfixed32(value);
        case descriptors_js_1.ScalarType.SFIXED64:
          return (writer, value) => writer.sfixed64(value);
        case descriptors_js_1.ScalarType.SINT64:
          return (writer, value) => writer.sint64(value);
        case descriptors_js_1.ScalarType.UINT32:
          return (writer, value) => writer.uint32(value);
        case descriptors_js_1.ScalarType.SINT32:
          return (writer, value) => writer.sint32(value);
      }
    }
    function writeField(writer, opts, msg, field) {
      compileField(field)(writer, opts, msg[unsafe_js_1.unsafeLocal]);
    }
    function compileChildWriter(field) {
      const fieldNo = field.number;
      const writeMessage = compiledWriter(field.message);
      if (field.delimitedEncoding) {
        return (writer, opts, child) => {
          writer.tag(fieldNo, binary_encoding_js_1.WireType.StartGroup);
          writeMessage(writer, opts, child);
          writer.tag(fieldNo, binary_encoding_js_1.WireType.EndGroup);
        };
      }
      return (writer, opts, child) => {
        writer.tag(fieldNo, binary_encoding_js_1.WireType.LengthDelimited).fork();
        writeMessage(writer, opts, child);
        writer.join();
      };
    }
    function writeTypeOfScalar(type) {
      switch (type) {
        case descriptors_js_1.ScalarType.BYTES:
        case descriptors_js_1.ScalarType.STRING:
          return binary_encoding_js_1.WireType.LengthDelimited;
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.SFIXED64:
          return binary_encoding_js_1.WireType.Bit64;
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.FLOAT:
          return binary_encoding_js_1.WireType.Bit32;
        default:
          return binary_encoding_js_1.WireType.Varint;
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/any.js
var require_any = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/any.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.anyPack = anyPack;
    exports.anyIs = anyIs;
    exports.anyUnpack = anyUnpack;
    exports.anyUnpackTo = anyUnpackTo;
    var any_pb_js_1 = require_any_pb();
    var create_js_1 = require_create();
    var to_binary_js_1 = require_to_binary();
    var from_binary_js_1 = require_from_binary();
    function anyPack(schema, message, into) {
      let ret = false;
      if (!into) {
        into = (0, create_js_1.create)(any_pb_js_1.AnySchema);
        ret = true;
      }
      into.value = (0, to_binary_js_1.toBinary)(schema, message);
      into.typeUrl = typeNameToUrl(message.$typeName);
      return ret ? into : void 0;
    }
    function anyIs(any, descOrTypeName) {
      if (any.typeUrl === "") {
        return false;
      }
      const want = typeof descOrTypeName == "string" ? descOrTypeName : descOrTypeName.typeName;
      const got = typeUrlToName(any.typeUrl);
      return want === got;
    }
    function anyUnpack(any, registryOrMessageDesc) {
      if (any.typeUrl === "") {
        return void 0;
      }
      const desc = registryOrMessageDesc.kind == "message" ? registryOrMessageDesc : registryOrMessageDesc.getMessage(typeUrlToName(any.typeUrl));
      if (!desc || !anyIs(any, desc)) {
        return void 0;
      }
      return (0, from_binary_js_1.fromBinary)(desc, any.value);
    }
    function anyUnpackTo(any, schema, message) {
      if (!anyIs(any, schema)) {
        return void 0;
      }
      return (0, from_binary_js_1.mergeFromBinary)(schema, message, any.value);
    }
    function typeNameToUrl(name) {
      return `type.googleapis.com/${name}`;
    }
    function typeUrlToName(url) {
      const slash = url.lastIndexOf("/");
      const name = slash >= 0 ? url.substring(slash + 1) : url;
      if (!name.length) {
        throw new Error(`invalid type url: ${url}`);
      }
      return name;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/source_context_pb.js
var require_source_context_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/source_context_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SourceContextSchema = exports.file_google_protobuf_source_context = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_source_context = (0, file_js_1.fileDesc)("CiRnb29nbGUvcHJvdG9idWYvc291cmNlX2NvbnRleHQucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIiCg1Tb3VyY2VDb250ZXh0EhEKCWZpbGVfbmFtZRgBIAEoCUKKAQoTY29tLmdvb2dsZS5wcm90b2J1ZkISU291cmNlQ29udGV4dFByb3RvUAFaNmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3NvdXJjZWNvbnRleHRwYqICA0dQQqoCHkdvb2dsZS5Qcm90b2J1Zi5XZWxsS25vd25UeXBlc2IGcHJvdG8z");
    exports.SourceContextSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_source_context, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/type_pb.js
var require_type_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/type_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SyntaxSchema = exports.Syntax = exports.OptionSchema = exports.EnumValueSchema = exports.EnumSchema = exports.Field_CardinalitySchema = exports.Field_Cardinality = exports.Field_KindSchema = exports.Field_Kind = exports.FieldSchema = exports.TypeSchema = exports.file_google_protobuf_type = void 0;
    var file_js_1 = require_file();
    var any_pb_js_1 = require_any_pb();
    var source_context_pb_js_1 = require_source_context_pb();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    exports.file_google_protobuf_type = (0, file_js_1.fileDesc)("Chpnb29nbGUvcHJvdG9idWYvdHlwZS5wcm90bxIPZ29vZ2xlLnByb3RvYnVmIugBCgRUeXBlEgwKBG5hbWUYASABKAkSJgoGZmllbGRzGAIgAygLMhYuZ29vZ2xlLnByb3RvYnVmLkZpZWxkEg4KBm9uZW9mcxgDIAMoCRIoCgdvcHRpb25zGAQgAygLMhcuZ29vZ2xlLnByb3RvYnVmLk9wdGlvbhI2Cg5zb3VyY2VfY29udGV4dBgFIAEoCzIeLmdvb2dsZS5wcm90b2J1Zi5Tb3VyY2VDb250ZXh0EicKBnN5bnRheBgGIAEoDjIXLmdvb2dsZS5wcm90b2J1Zi5TeW50YXgSDwoHZWRpdGlvbhgHIAEoCSLVBQoFRmllbGQSKQoEa2luZBgBIAEoDjIbLmdvb2dsZS5wcm90b2J1Zi5GaWVsZC5LaW5kEjcKC2NhcmRpbmFsaXR5GAIgASgOMiIuZ29vZ2xlLnByb3RvYnVmLkZpZWxkLkNhcmRpbmFsaXR5Eg4KBm51bWJlchgDIAEoBRIMCgRuYW1lGAQgASgJEhAKCHR5cGVfdXJsGAYgASgJEhMKC29uZW9mX2luZGV4GAcgASgFEg4KBnBhY2tlZBgIIAEoCBIoCgdvcHRpb25zGAkgAygLMhcuZ29vZ2xlLnByb3RvYnVmLk9wdGlvbhIRCglqc29uX25hbWUYCiABKAkSFQoNZGVmYXVsdF92YWx1ZRgLIAEoCSLIAgoES2luZBIQCgxUWVBFX1VOS05PV04QABIPCgtUWVBFX0RPVUJMRRABEg4KClRZUEVfRkxPQVQQAhIOCgpUWVBFX0lOVDY0EAMSDwoLVFlQRV9VSU5UNjQQBBIOCgpUWVBFX0lOVDMyEAUSEAoMVFlQRV9GSVhFRDY0EAYSEAoMVFlQRV9GSVhFRDMyEAcSDQoJVFlQRV9CT09MEAgSDwoLVFlQRV9TVFJJTkcQCRIOCgpUWVBFX0dST1VQEAoSEAoMVFlQRV9NRVNTQUdFEAsSDgoKVFlQRV9CWVRFUxAMEg8KC1RZUEVfVUlOVDMyEA0SDQoJVFlQRV9FTlVNEA4SEQoNVFlQRV9TRklYRUQzMhAPEhEKDVRZUEVfU0ZJWEVENjQQEBIPCgtUWVBFX1NJTlQzMhAREg8KC1RZUEVfU0lOVDY0EBIidAoLQ2FyZGluYWxpdHkSFwoTQ0FSRElOQUxJVFlfVU5LTk9XThAAEhgKFENBUkRJTkFMSVRZX09QVElPTkFMEAESGAoUQ0FSRElOQUxJVFlfUkVRVUlSRUQQAhIYChRDQVJESU5BTElUWV9SRVBFQVRFRBADIt8BCgRFbnVtEgwKBG5hbWUYASABKAkSLQoJZW51bXZhbHVlGAIgAygLMhouZ29vZ2xlLnByb3RvYnVmLkVudW1WYWx1ZRIoCgdvcHRpb25zGAMgAygLMhcuZ29vZ2xlLnByb3RvYnVmLk9wdGlvbhI2Cg5zb3VyY2VfY29udGV4dBgEIAEoCzIeLmdvb2dsZS5wcm90b2J1Zi5Tb3VyY2VDb250ZXh0EicKBnN5bnRheBgFIAEoDjIXLmdvb2dsZS5wcm90b2J1Zi5TeW50YXgSDwoHZWRpdGlvbhgGIAEoCSJTCglFbnVtVmFsdWUSDAoEbmFtZRgBIAEoCRIOCgZudW1iZXIYAiABKAUSKAoHb3B0aW9ucxgDIAMoCzIXLmdvb2dsZS5wcm90b2J1Zi5PcHRpb24iOwoGT3B0aW9uEgwKBG5hbWUYASABKAkSIwoFdmFsdWUYAiABKAsyFC5nb29nbGUucHJvdG9idWYuQW55KkMKBlN5bnRheBIRCg1TWU5UQVhfUFJPVE8yEAASEQoNU1lOVEFYX1BST1RPMxABEhMKD1NZTlRBWF9FRElUSU9OUxACQnsKE2NvbS5nb29nbGUucHJvdG9idWZCCVR5cGVQcm90b1ABWi1nb29nbGUuZ29sYW5nLm9yZy9wcm90b2J1Zi90eXBlcy9rbm93bi90eXBlcGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw", [any_pb_js_1.file_google_protobuf_any, source_context_pb_js_1.file_google_protobuf_source_context]);
    exports.TypeSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_type, 0);
    exports.FieldSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_type, 1);
    var Field_Kind;
    (function(Field_Kind2) {
      Field_Kind2[Field_Kind2["TYPE_UNKNOWN"] = 0] = "TYPE_UNKNOWN";
      Field_Kind2[Field_Kind2["TYPE_DOUBLE"] = 1] = "TYPE_DOUBLE";
      Field_Kind2[Field_Kind2["TYPE_FLOAT"] = 2] = "TYPE_FLOAT";
      Field_Kind2[Field_Kind2["TYPE_INT64"] = 3] = "TYPE_INT64";
      Field_Kind2[Field_Kind2["TYPE_UINT64"] = 4] = "TYPE_UINT64";
      Field_Kind2[Field_Kind2["TYPE_INT32"] = 5] = "TYPE_INT32";
      Field_Kind2[Field_Kind2["TYPE_FIXED64"] = 6] = "TYPE_FIXED64";
      Field_Kind2[Field_Kind2["TYPE_FIXED32"] = 7] = "TYPE_FIXED32";
      Field_Kind2[Field_Kind2["TYPE_BOOL"] = 8] = "TYPE_BOOL";
      Field_Kind2[Field_Kind2["TYPE_STRING"] = 9] = "TYPE_STRING";
      Field_Kind2[Field_Kind2["TYPE_GROUP"] = 10] = "TYPE_GROUP";
      Field_Kind2[Field_Kind2["TYPE_MESSAGE"] = 11] = "TYPE_MESSAGE";
      Field_Kind2[Field_Kind2["TYPE_BYTES"] = 12] = "TYPE_BYTES";
      Field_Kind2[Field_Kind2["TYPE_UINT32"] = 13] = "TYPE_UINT32";
      Field_Kind2[Field_Kind2["TYPE_ENUM"] = 14] = "TYPE_ENUM";
      Field_Kind2[Field_Kind2["TYPE_SFIXED32"] = 15] = "TYPE_SFIXED32";
      Field_Kind2[Field_Kind2["TYPE_SFIXED64"] = 16] = "TYPE_SFIXED64";
      Field_Kind2[Field_Kind2["TYPE_SINT32"] = 17] = "TYPE_SINT32";
      Field_Kind2[Field_Kind2["TYPE_SINT64"] = 18] = "TYPE_SINT64";
    })(Field_Kind || (exports.Field_Kind = Field_Kind = {}));
    exports.Field_KindSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_type, 1, 0);
    var Field_Cardinality;
    (function(Field_Cardinality2) {
      Field_Cardinality2[Field_Cardinality2["UNKNOWN"] = 0] = "UNKNOWN";
      Field_Cardinality2[Field_Cardinality2["OPTIONAL"] = 1] = "OPTIONAL";
      Field_Cardinality2[Field_Cardinality2["REQUIRED"] = 2] = "REQUIRED";
      Field_Cardinality2[Field_Cardinality2["REPEATED"] = 3] = "REPEATED";
    })(Field_Cardinality || (exports.Field_Cardinality = Field_Cardinality = {}));
    exports.Field_CardinalitySchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_type, 1, 1);
    exports.EnumSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_type, 2);
    exports.EnumValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_type, 3);
    exports.OptionSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_type, 4);
    var Syntax;
    (function(Syntax2) {
      Syntax2[Syntax2["PROTO2"] = 0] = "PROTO2";
      Syntax2[Syntax2["PROTO3"] = 1] = "PROTO3";
      Syntax2[Syntax2["EDITIONS"] = 2] = "EDITIONS";
    })(Syntax || (exports.Syntax = Syntax = {}));
    exports.SyntaxSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_type, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/api_pb.js
var require_api_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/api_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MixinSchema = exports.MethodSchema = exports.ApiSchema = exports.file_google_protobuf_api = void 0;
    var file_js_1 = require_file();
    var source_context_pb_js_1 = require_source_context_pb();
    var type_pb_js_1 = require_type_pb();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_api = (0, file_js_1.fileDesc)("Chlnb29nbGUvcHJvdG9idWYvYXBpLnByb3RvEg9nb29nbGUucHJvdG9idWYikgIKA0FwaRIMCgRuYW1lGAEgASgJEigKB21ldGhvZHMYAiADKAsyFy5nb29nbGUucHJvdG9idWYuTWV0aG9kEigKB29wdGlvbnMYAyADKAsyFy5nb29nbGUucHJvdG9idWYuT3B0aW9uEg8KB3ZlcnNpb24YBCABKAkSNgoOc291cmNlX2NvbnRleHQYBSABKAsyHi5nb29nbGUucHJvdG9idWYuU291cmNlQ29udGV4dBImCgZtaXhpbnMYBiADKAsyFi5nb29nbGUucHJvdG9idWYuTWl4aW4SJwoGc3ludGF4GAcgASgOMhcuZ29vZ2xlLnByb3RvYnVmLlN5bnRheBIPCgdlZGl0aW9uGAggASgJIu4BCgZNZXRob2QSDAoEbmFtZRgBIAEoCRIYChByZXF1ZXN0X3R5cGVfdXJsGAIgASgJEhkKEXJlcXVlc3Rfc3RyZWFtaW5nGAMgASgIEhkKEXJlc3BvbnNlX3R5cGVfdXJsGAQgASgJEhoKEnJlc3BvbnNlX3N0cmVhbWluZxgFIAEoCBIoCgdvcHRpb25zGAYgAygLMhcuZ29vZ2xlLnByb3RvYnVmLk9wdGlvbhIrCgZzeW50YXgYByABKA4yFy5nb29nbGUucHJvdG9idWYuU3ludGF4QgIYARITCgdlZGl0aW9uGAggASgJQgIYASIjCgVNaXhpbhIMCgRuYW1lGAEgASgJEgwKBHJvb3QYAiABKAlCdgoTY29tLmdvb2dsZS5wcm90b2J1ZkIIQXBpUHJvdG9QAVosZ29vZ2xlLmdvbGFuZy5vcmcvcHJvdG9idWYvdHlwZXMva25vd24vYXBpcGKiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw", [source_context_pb_js_1.file_google_protobuf_source_context, type_pb_js_1.file_google_protobuf_type]);
    exports.ApiSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_api, 0);
    exports.MethodSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_api, 1);
    exports.MixinSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_api, 2);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/extension.js
var require_extension = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/codegenv2/extension.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extDesc = extDesc;
    function extDesc(file, path, ...paths) {
      if (paths.length == 0) {
        return file.extensions[path];
      }
      const e = paths.pop();
      return paths.reduce((acc, cur) => acc.nestedMessages[cur], file.messages[path]).nestedExtensions[e];
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/cpp_features_pb.js
var require_cpp_features_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/cpp_features_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.cpp = exports.CppFeatures_RepeatedTypeSchema = exports.CppFeatures_RepeatedType = exports.CppFeatures_StringTypeSchema = exports.CppFeatures_StringType = exports.CppFeaturesSchema = exports.file_google_protobuf_cpp_features = void 0;
    var file_js_1 = require_file();
    var descriptor_pb_js_1 = require_descriptor_pb();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    var extension_js_1 = require_extension();
    exports.file_google_protobuf_cpp_features = (0, file_js_1.fileDesc)("CiJnb29nbGUvcHJvdG9idWYvY3BwX2ZlYXR1cmVzLnByb3RvEgJwYiKSBQoLQ3BwRmVhdHVyZXMS+wEKEmxlZ2FjeV9jbG9zZWRfZW51bRgBIAEoCELeAYgBAZgBBJgBAaIBCRIEdHJ1ZRiEB6IBChIFZmFsc2UY5weyAbgBCOgHEOgHGq8BVGhlIGxlZ2FjeSBjbG9zZWQgZW51bSBiZWhhdmlvciBpbiBDKysgaXMgZGVwcmVjYXRlZCBhbmQgaXMgc2NoZWR1bGVkIHRvIGJlIHJlbW92ZWQgaW4gZWRpdGlvbiAyMDI1LiAgU2VlIGh0dHA6Ly9wcm90b2J1Zi5kZXYvcHJvZ3JhbW1pbmctZ3VpZGVzL2VudW0vI2NwcCBmb3IgbW9yZSBpbmZvcm1hdGlvbhJaCgtzdHJpbmdfdHlwZRgCIAEoDjIaLnBiLkNwcEZlYXR1cmVzLlN0cmluZ1R5cGVCKYgBAZgBBJgBAaIBCxIGU1RSSU5HGIQHogEJEgRWSUVXGOkHsgEDCOgHEkwKGmVudW1fbmFtZV91c2VzX3N0cmluZ192aWV3GAMgASgIQiiIAQGYAQaYAQGiAQoSBWZhbHNlGIQHogEJEgR0cnVlGOkHsgEDCOkHElIKDXJlcGVhdGVkX3R5cGUYBCABKA4yHC5wYi5DcHBGZWF0dXJlcy5SZXBlYXRlZFR5cGVCHYgBAZgBBJgBAaIBCxIGTEVHQUNZGIQHsgEDCI9OIkUKClN0cmluZ1R5cGUSFwoTU1RSSU5HX1RZUEVfVU5LTk9XThAAEggKBFZJRVcQARIICgRDT1JEEAISCgoGU1RSSU5HEAMiQAoMUmVwZWF0ZWRUeXBlEhkKFVJFUEVBVEVEX1RZUEVfVU5LTk9XThAAEgoKBkxFR0FDWRABEgkKBVBST1hZEAI6PwoDY3BwEhsuZ29vZ2xlLnByb3RvYnVmLkZlYXR1cmVTZXQY6AcgASgLMg8ucGIuQ3BwRmVhdHVyZXNSA2NwcA", [descriptor_pb_js_1.file_google_protobuf_descriptor]);
    exports.CppFeaturesSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_cpp_features, 0);
    var CppFeatures_StringType;
    (function(CppFeatures_StringType2) {
      CppFeatures_StringType2[CppFeatures_StringType2["STRING_TYPE_UNKNOWN"] = 0] = "STRING_TYPE_UNKNOWN";
      CppFeatures_StringType2[CppFeatures_StringType2["VIEW"] = 1] = "VIEW";
      CppFeatures_StringType2[CppFeatures_StringType2["CORD"] = 2] = "CORD";
      CppFeatures_StringType2[CppFeatures_StringType2["STRING"] = 3] = "STRING";
    })(CppFeatures_StringType || (exports.CppFeatures_StringType = CppFeatures_StringType = {}));
    exports.CppFeatures_StringTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_cpp_features, 0, 0);
    var CppFeatures_RepeatedType;
    (function(CppFeatures_RepeatedType2) {
      CppFeatures_RepeatedType2[CppFeatures_RepeatedType2["REPEATED_TYPE_UNKNOWN"] = 0] = "REPEATED_TYPE_UNKNOWN";
      CppFeatures_RepeatedType2[CppFeatures_RepeatedType2["LEGACY"] = 1] = "LEGACY";
      CppFeatures_RepeatedType2[CppFeatures_RepeatedType2["PROXY"] = 2] = "PROXY";
    })(CppFeatures_RepeatedType || (exports.CppFeatures_RepeatedType = CppFeatures_RepeatedType = {}));
    exports.CppFeatures_RepeatedTypeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_cpp_features, 0, 1);
    exports.cpp = (0, extension_js_1.extDesc)(exports.file_google_protobuf_cpp_features, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/empty_pb.js
var require_empty_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/empty_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.EmptySchema = exports.file_google_protobuf_empty = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_empty = (0, file_js_1.fileDesc)("Chtnb29nbGUvcHJvdG9idWYvZW1wdHkucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIHCgVFbXB0eUJ9ChNjb20uZ29vZ2xlLnByb3RvYnVmQgpFbXB0eVByb3RvUAFaLmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2VtcHR5cGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");
    exports.EmptySchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_empty, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/field_mask_pb.js
var require_field_mask_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/field_mask_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FieldMaskSchema = exports.file_google_protobuf_field_mask = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_field_mask = (0, file_js_1.fileDesc)("CiBnb29nbGUvcHJvdG9idWYvZmllbGRfbWFzay5wcm90bxIPZ29vZ2xlLnByb3RvYnVmIhoKCUZpZWxkTWFzaxINCgVwYXRocxgBIAMoCUKFAQoTY29tLmdvb2dsZS5wcm90b2J1ZkIORmllbGRNYXNrUHJvdG9QAVoyZ29vZ2xlLmdvbGFuZy5vcmcvcHJvdG9idWYvdHlwZXMva25vd24vZmllbGRtYXNrcGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");
    exports.FieldMaskSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_field_mask, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/go_features_pb.js
var require_go_features_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/go_features_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.go = exports.GoFeatures_StripEnumPrefixSchema = exports.GoFeatures_StripEnumPrefix = exports.GoFeatures_APILevelSchema = exports.GoFeatures_APILevel = exports.GoFeatures_OptimizeModeFeature_OptimizeModeSchema = exports.GoFeatures_OptimizeModeFeature_OptimizeMode = exports.GoFeatures_OptimizeModeFeatureSchema = exports.GoFeaturesSchema = exports.file_google_protobuf_go_features = void 0;
    var file_js_1 = require_file();
    var descriptor_pb_js_1 = require_descriptor_pb();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    var extension_js_1 = require_extension();
    exports.file_google_protobuf_go_features = (0, file_js_1.fileDesc)("CiFnb29nbGUvcHJvdG9idWYvZ29fZmVhdHVyZXMucHJvdG8SAnBiItEGCgpHb0ZlYXR1cmVzEqUBChpsZWdhY3lfdW5tYXJzaGFsX2pzb25fZW51bRgBIAEoCEKAAYgBAZgBBpgBAaIBCRIEdHJ1ZRiEB6IBChIFZmFsc2UY5weyAVsI6AcQ6AcaU1RoZSBsZWdhY3kgVW5tYXJzaGFsSlNPTiBBUEkgaXMgZGVwcmVjYXRlZCBhbmQgd2lsbCBiZSByZW1vdmVkIGluIGEgZnV0dXJlIGVkaXRpb24uEmoKCWFwaV9sZXZlbBgCIAEoDjIXLnBiLkdvRmVhdHVyZXMuQVBJTGV2ZWxCPogBAZgBA5gBAaIBGhIVQVBJX0xFVkVMX1VOU1BFQ0lGSUVEGIQHogEPEgpBUElfT1BBUVVFGOkHsgEDCOgHEmsKEXN0cmlwX2VudW1fcHJlZml4GAMgASgOMh4ucGIuR29GZWF0dXJlcy5TdHJpcEVudW1QcmVmaXhCMIgBAZgBBpgBB5gBAaIBGxIWU1RSSVBfRU5VTV9QUkVGSVhfS0VFUBiEB7IBAwjpBxJ4Cg1vcHRpbWl6ZV9tb2RlGAQgASgOMi8ucGIuR29GZWF0dXJlcy5PcHRpbWl6ZU1vZGVGZWF0dXJlLk9wdGltaXplTW9kZUIwiAEBmAEDmAEBogEeEhlPUFRJTUlaRV9NT0RFX1VOU1BFQ0lGSUVEGIQHsgEDCOkHGl4KE09wdGltaXplTW9kZUZlYXR1cmUiRwoMT3B0aW1pemVNb2RlEh0KGU9QVElNSVpFX01PREVfVU5TUEVDSUZJRUQQABIJCgVTUEVFRBABEg0KCUNPREVfU0laRRACIlMKCEFQSUxldmVsEhkKFUFQSV9MRVZFTF9VTlNQRUNJRklFRBAAEgwKCEFQSV9PUEVOEAESDgoKQVBJX0hZQlJJRBACEg4KCkFQSV9PUEFRVUUQAyKSAQoPU3RyaXBFbnVtUHJlZml4EiEKHVNUUklQX0VOVU1fUFJFRklYX1VOU1BFQ0lGSUVEEAASGgoWU1RSSVBfRU5VTV9QUkVGSVhfS0VFUBABEiMKH1NUUklQX0VOVU1fUFJFRklYX0dFTkVSQVRFX0JPVEgQAhIbChdTVFJJUF9FTlVNX1BSRUZJWF9TVFJJUBADOjwKAmdvEhsuZ29vZ2xlLnByb3RvYnVmLkZlYXR1cmVTZXQY6gcgASgLMg4ucGIuR29GZWF0dXJlc1ICZ29CL1otZ29vZ2xlLmdvbGFuZy5vcmcvcHJvdG9idWYvdHlwZXMvZ29mZWF0dXJlc3Bi", [descriptor_pb_js_1.file_google_protobuf_descriptor]);
    exports.GoFeaturesSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_go_features, 0);
    exports.GoFeatures_OptimizeModeFeatureSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_go_features, 0, 0);
    var GoFeatures_OptimizeModeFeature_OptimizeMode;
    (function(GoFeatures_OptimizeModeFeature_OptimizeMode2) {
      GoFeatures_OptimizeModeFeature_OptimizeMode2[GoFeatures_OptimizeModeFeature_OptimizeMode2["OPTIMIZE_MODE_UNSPECIFIED"] = 0] = "OPTIMIZE_MODE_UNSPECIFIED";
      GoFeatures_OptimizeModeFeature_OptimizeMode2[GoFeatures_OptimizeModeFeature_OptimizeMode2["SPEED"] = 1] = "SPEED";
      GoFeatures_OptimizeModeFeature_OptimizeMode2[GoFeatures_OptimizeModeFeature_OptimizeMode2["CODE_SIZE"] = 2] = "CODE_SIZE";
    })(GoFeatures_OptimizeModeFeature_OptimizeMode || (exports.GoFeatures_OptimizeModeFeature_OptimizeMode = GoFeatures_OptimizeModeFeature_OptimizeMode = {}));
    exports.GoFeatures_OptimizeModeFeature_OptimizeModeSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_go_features, 0, 0, 0);
    var GoFeatures_APILevel;
    (function(GoFeatures_APILevel2) {
      GoFeatures_APILevel2[GoFeatures_APILevel2["API_LEVEL_UNSPECIFIED"] = 0] = "API_LEVEL_UNSPECIFIED";
      GoFeatures_APILevel2[GoFeatures_APILevel2["API_OPEN"] = 1] = "API_OPEN";
      GoFeatures_APILevel2[GoFeatures_APILevel2["API_HYBRID"] = 2] = "API_HYBRID";
      GoFeatures_APILevel2[GoFeatures_APILevel2["API_OPAQUE"] = 3] = "API_OPAQUE";
    })(GoFeatures_APILevel || (exports.GoFeatures_APILevel = GoFeatures_APILevel = {}));
    exports.GoFeatures_APILevelSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_go_features, 0, 0);
    var GoFeatures_StripEnumPrefix;
    (function(GoFeatures_StripEnumPrefix2) {
      GoFeatures_StripEnumPrefix2[GoFeatures_StripEnumPrefix2["UNSPECIFIED"] = 0] = "UNSPECIFIED";
      GoFeatures_StripEnumPrefix2[GoFeatures_StripEnumPrefix2["KEEP"] = 1] = "KEEP";
      GoFeatures_StripEnumPrefix2[GoFeatures_StripEnumPrefix2["GENERATE_BOTH"] = 2] = "GENERATE_BOTH";
      GoFeatures_StripEnumPrefix2[GoFeatures_StripEnumPrefix2["STRIP"] = 3] = "STRIP";
    })(GoFeatures_StripEnumPrefix || (exports.GoFeatures_StripEnumPrefix = GoFeatures_StripEnumPrefix = {}));
    exports.GoFeatures_StripEnumPrefixSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_go_features, 0, 1);
    exports.go = (0, extension_js_1.extDesc)(exports.file_google_protobuf_go_features, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/java_features_pb.js
var require_java_features_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/java_features_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.java = exports.JavaFeatures_Utf8ValidationSchema = exports.JavaFeatures_Utf8Validation = exports.JavaFeatures_NestInFileClassFeature_NestInFileClassSchema = exports.JavaFeatures_NestInFileClassFeature_NestInFileClass = exports.JavaFeatures_NestInFileClassFeatureSchema = exports.JavaFeaturesSchema = exports.file_google_protobuf_java_features = void 0;
    var file_js_1 = require_file();
    var descriptor_pb_js_1 = require_descriptor_pb();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    var extension_js_1 = require_extension();
    exports.file_google_protobuf_java_features = (0, file_js_1.fileDesc)("CiNnb29nbGUvcHJvdG9idWYvamF2YV9mZWF0dXJlcy5wcm90bxICcGIigwgKDEphdmFGZWF0dXJlcxL+AQoSbGVnYWN5X2Nsb3NlZF9lbnVtGAEgASgIQuEBiAEBmAEEmAEBogEJEgR0cnVlGIQHogEKEgVmYWxzZRjnB7IBuwEI6AcQ6AcasgFUaGUgbGVnYWN5IGNsb3NlZCBlbnVtIGJlaGF2aW9yIGluIEphdmEgaXMgZGVwcmVjYXRlZCBhbmQgaXMgc2NoZWR1bGVkIHRvIGJlIHJlbW92ZWQgaW4gZWRpdGlvbiAyMDI1LiAgU2VlIGh0dHA6Ly9wcm90b2J1Zi5kZXYvcHJvZ3JhbW1pbmctZ3VpZGVzL2VudW0vI2phdmEgZm9yIG1vcmUgaW5mb3JtYXRpb24uEp8CCg91dGY4X3ZhbGlkYXRpb24YAiABKA4yHy5wYi5KYXZhRmVhdHVyZXMuVXRmOFZhbGlkYXRpb25C5AGIAQGYAQSYAQGiAQwSB0RFRkFVTFQYhAeyAcgBCOgHEOkHGr8BVGhlIEphdmEtc3BlY2lmaWMgdXRmOCB2YWxpZGF0aW9uIGZlYXR1cmUgaXMgZGVwcmVjYXRlZCBhbmQgaXMgc2NoZWR1bGVkIHRvIGJlIHJlbW92ZWQgaW4gZWRpdGlvbiAyMDI1LiAgVXRmOCB2YWxpZGF0aW9uIGJlaGF2aW9yIHNob3VsZCB1c2UgdGhlIGdsb2JhbCBjcm9zcy1sYW5ndWFnZSB1dGY4X3ZhbGlkYXRpb24gZmVhdHVyZS4SMAoKbGFyZ2VfZW51bRgDIAEoCEIciAEBmAEGmAEBogEKEgVmYWxzZRiEB7IBAwjpBxJRCh91c2Vfb2xkX291dGVyX2NsYXNzbmFtZV9kZWZhdWx0GAQgASgIQiiIAQGYAQGiAQkSBHRydWUYhAeiAQoSBWZhbHNlGOkHsgEGCOkHIOkHEn8KEm5lc3RfaW5fZmlsZV9jbGFzcxgFIAEoDjI3LnBiLkphdmFGZWF0dXJlcy5OZXN0SW5GaWxlQ2xhc3NGZWF0dXJlLk5lc3RJbkZpbGVDbGFzc0IqiAEBmAEDmAEGmAEIogELEgZMRUdBQ1kYhAeiAQcSAk5PGOkHsgEDCOkHGnwKFk5lc3RJbkZpbGVDbGFzc0ZlYXR1cmUiWAoPTmVzdEluRmlsZUNsYXNzEh4KGk5FU1RfSU5fRklMRV9DTEFTU19VTktOT1dOEAASBgoCTk8QARIHCgNZRVMQAhIUCgZMRUdBQ1kQAxoIIgYI6Qcg6QdKCAgBEICAgIACIkYKDlV0ZjhWYWxpZGF0aW9uEhsKF1VURjhfVkFMSURBVElPTl9VTktOT1dOEAASCwoHREVGQVVMVBABEgoKBlZFUklGWRACSgQIBhAHOkIKBGphdmESGy5nb29nbGUucHJvdG9idWYuRmVhdHVyZVNldBjpByABKAsyEC5wYi5KYXZhRmVhdHVyZXNSBGphdmFCKAoTY29tLmdvb2dsZS5wcm90b2J1ZkIRSmF2YUZlYXR1cmVzUHJvdG8", [descriptor_pb_js_1.file_google_protobuf_descriptor]);
    exports.JavaFeaturesSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_java_features, 0);
    exports.JavaFeatures_NestInFileClassFeatureSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_java_features, 0, 0);
    var JavaFeatures_NestInFileClassFeature_NestInFileClass;
    (function(JavaFeatures_NestInFileClassFeature_NestInFileClass2) {
      JavaFeatures_NestInFileClassFeature_NestInFileClass2[JavaFeatures_NestInFileClassFeature_NestInFileClass2["NEST_IN_FILE_CLASS_UNKNOWN"] = 0] = "NEST_IN_FILE_CLASS_UNKNOWN";
      JavaFeatures_NestInFileClassFeature_NestInFileClass2[JavaFeatures_NestInFileClassFeature_NestInFileClass2["NO"] = 1] = "NO";
      JavaFeatures_NestInFileClassFeature_NestInFileClass2[JavaFeatures_NestInFileClassFeature_NestInFileClass2["YES"] = 2] = "YES";
      JavaFeatures_NestInFileClassFeature_NestInFileClass2[JavaFeatures_NestInFileClassFeature_NestInFileClass2["LEGACY"] = 3] = "LEGACY";
    })(JavaFeatures_NestInFileClassFeature_NestInFileClass || (exports.JavaFeatures_NestInFileClassFeature_NestInFileClass = JavaFeatures_NestInFileClassFeature_NestInFileClass = {}));
    exports.JavaFeatures_NestInFileClassFeature_NestInFileClassSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_java_features, 0, 0, 0);
    var JavaFeatures_Utf8Validation;
    (function(JavaFeatures_Utf8Validation2) {
      JavaFeatures_Utf8Validation2[JavaFeatures_Utf8Validation2["UTF8_VALIDATION_UNKNOWN"] = 0] = "UTF8_VALIDATION_UNKNOWN";
      JavaFeatures_Utf8Validation2[JavaFeatures_Utf8Validation2["DEFAULT"] = 1] = "DEFAULT";
      JavaFeatures_Utf8Validation2[JavaFeatures_Utf8Validation2["VERIFY"] = 2] = "VERIFY";
    })(JavaFeatures_Utf8Validation || (exports.JavaFeatures_Utf8Validation = JavaFeatures_Utf8Validation = {}));
    exports.JavaFeatures_Utf8ValidationSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_java_features, 0, 0);
    exports.java = (0, extension_js_1.extDesc)(exports.file_google_protobuf_java_features, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/struct_pb.js
var require_struct_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/struct_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NullValueSchema = exports.NullValue = exports.ListValueSchema = exports.ValueSchema = exports.StructSchema = exports.file_google_protobuf_struct = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    exports.file_google_protobuf_struct = (0, file_js_1.fileDesc)("Chxnb29nbGUvcHJvdG9idWYvc3RydWN0LnByb3RvEg9nb29nbGUucHJvdG9idWYihAEKBlN0cnVjdBIzCgZmaWVsZHMYASADKAsyIy5nb29nbGUucHJvdG9idWYuU3RydWN0LkZpZWxkc0VudHJ5GkUKC0ZpZWxkc0VudHJ5EgsKA2tleRgBIAEoCRIlCgV2YWx1ZRgCIAEoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZToCOAEi6gEKBVZhbHVlEjAKCm51bGxfdmFsdWUYASABKA4yGi5nb29nbGUucHJvdG9idWYuTnVsbFZhbHVlSAASFgoMbnVtYmVyX3ZhbHVlGAIgASgBSAASFgoMc3RyaW5nX3ZhbHVlGAMgASgJSAASFAoKYm9vbF92YWx1ZRgEIAEoCEgAEi8KDHN0cnVjdF92YWx1ZRgFIAEoCzIXLmdvb2dsZS5wcm90b2J1Zi5TdHJ1Y3RIABIwCgpsaXN0X3ZhbHVlGAYgASgLMhouZ29vZ2xlLnByb3RvYnVmLkxpc3RWYWx1ZUgAQgYKBGtpbmQiMwoJTGlzdFZhbHVlEiYKBnZhbHVlcxgBIAMoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZSobCglOdWxsVmFsdWUSDgoKTlVMTF9WQUxVRRAAQn8KE2NvbS5nb29nbGUucHJvdG9idWZCC1N0cnVjdFByb3RvUAFaL2dvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3N0cnVjdHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
    exports.StructSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_struct, 0);
    exports.ValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_struct, 1);
    exports.ListValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_struct, 2);
    var NullValue;
    (function(NullValue2) {
      NullValue2[NullValue2["NULL_VALUE"] = 0] = "NULL_VALUE";
    })(NullValue || (exports.NullValue = NullValue = {}));
    exports.NullValueSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_struct, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/wrappers_pb.js
var require_wrappers_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/wrappers_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BytesValueSchema = exports.StringValueSchema = exports.BoolValueSchema = exports.UInt32ValueSchema = exports.Int32ValueSchema = exports.UInt64ValueSchema = exports.Int64ValueSchema = exports.FloatValueSchema = exports.DoubleValueSchema = exports.file_google_protobuf_wrappers = void 0;
    var file_js_1 = require_file();
    var message_js_1 = require_message2();
    exports.file_google_protobuf_wrappers = (0, file_js_1.fileDesc)("Ch5nb29nbGUvcHJvdG9idWYvd3JhcHBlcnMucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIcCgtEb3VibGVWYWx1ZRINCgV2YWx1ZRgBIAEoASIbCgpGbG9hdFZhbHVlEg0KBXZhbHVlGAEgASgCIhsKCkludDY0VmFsdWUSDQoFdmFsdWUYASABKAMiHAoLVUludDY0VmFsdWUSDQoFdmFsdWUYASABKAQiGwoKSW50MzJWYWx1ZRINCgV2YWx1ZRgBIAEoBSIcCgtVSW50MzJWYWx1ZRINCgV2YWx1ZRgBIAEoDSIaCglCb29sVmFsdWUSDQoFdmFsdWUYASABKAgiHAoLU3RyaW5nVmFsdWUSDQoFdmFsdWUYASABKAkiGwoKQnl0ZXNWYWx1ZRINCgV2YWx1ZRgBIAEoDEKDAQoTY29tLmdvb2dsZS5wcm90b2J1ZkINV3JhcHBlcnNQcm90b1ABWjFnb29nbGUuZ29sYW5nLm9yZy9wcm90b2J1Zi90eXBlcy9rbm93bi93cmFwcGVyc3Bi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
    exports.DoubleValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 0);
    exports.FloatValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 1);
    exports.Int64ValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 2);
    exports.UInt64ValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 3);
    exports.Int32ValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 4);
    exports.UInt32ValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 5);
    exports.BoolValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 6);
    exports.StringValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 7);
    exports.BytesValueSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_wrappers, 8);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/compiler/plugin_pb.js
var require_plugin_pb = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/google/protobuf/compiler/plugin_pb.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGeneratorResponse_FeatureSchema = exports.CodeGeneratorResponse_Feature = exports.CodeGeneratorResponse_FileSchema = exports.CodeGeneratorResponseSchema = exports.CodeGeneratorRequestSchema = exports.VersionSchema = exports.file_google_protobuf_compiler_plugin = void 0;
    var file_js_1 = require_file();
    var descriptor_pb_js_1 = require_descriptor_pb();
    var message_js_1 = require_message2();
    var enum_js_1 = require_enum();
    exports.file_google_protobuf_compiler_plugin = (0, file_js_1.fileDesc)("CiVnb29nbGUvcHJvdG9idWYvY29tcGlsZXIvcGx1Z2luLnByb3RvEhhnb29nbGUucHJvdG9idWYuY29tcGlsZXIiRgoHVmVyc2lvbhINCgVtYWpvchgBIAEoBRINCgVtaW5vchgCIAEoBRINCgVwYXRjaBgDIAEoBRIOCgZzdWZmaXgYBCABKAkigQIKFENvZGVHZW5lcmF0b3JSZXF1ZXN0EhgKEGZpbGVfdG9fZ2VuZXJhdGUYASADKAkSEQoJcGFyYW1ldGVyGAIgASgJEjgKCnByb3RvX2ZpbGUYDyADKAsyJC5nb29nbGUucHJvdG9idWYuRmlsZURlc2NyaXB0b3JQcm90bxJFChdzb3VyY2VfZmlsZV9kZXNjcmlwdG9ycxgRIAMoCzIkLmdvb2dsZS5wcm90b2J1Zi5GaWxlRGVzY3JpcHRvclByb3RvEjsKEGNvbXBpbGVyX3ZlcnNpb24YAyABKAsyIS5nb29nbGUucHJvdG9idWYuY29tcGlsZXIuVmVyc2lvbiKSAwoVQ29kZUdlbmVyYXRvclJlc3BvbnNlEg0KBWVycm9yGAEgASgJEhoKEnN1cHBvcnRlZF9mZWF0dXJlcxgCIAEoBBIXCg9taW5pbXVtX2VkaXRpb24YAyABKAUSFwoPbWF4aW11bV9lZGl0aW9uGAQgASgFEkIKBGZpbGUYDyADKAsyNC5nb29nbGUucHJvdG9idWYuY29tcGlsZXIuQ29kZUdlbmVyYXRvclJlc3BvbnNlLkZpbGUafwoERmlsZRIMCgRuYW1lGAEgASgJEhcKD2luc2VydGlvbl9wb2ludBgCIAEoCRIPCgdjb250ZW50GA8gASgJEj8KE2dlbmVyYXRlZF9jb2RlX2luZm8YECABKAsyIi5nb29nbGUucHJvdG9idWYuR2VuZXJhdGVkQ29kZUluZm8iVwoHRmVhdHVyZRIQCgxGRUFUVVJFX05PTkUQABIbChdGRUFUVVJFX1BST1RPM19PUFRJT05BTBABEh0KGUZFQVRVUkVfU1VQUE9SVFNfRURJVElPTlMQAkJyChxjb20uZ29vZ2xlLnByb3RvYnVmLmNvbXBpbGVyQgxQbHVnaW5Qcm90b3NaKWdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL3BsdWdpbnBiqgIYR29vZ2xlLlByb3RvYnVmLkNvbXBpbGVy", [descriptor_pb_js_1.file_google_protobuf_descriptor]);
    exports.VersionSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_compiler_plugin, 0);
    exports.CodeGeneratorRequestSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_compiler_plugin, 1);
    exports.CodeGeneratorResponseSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_compiler_plugin, 2);
    exports.CodeGeneratorResponse_FileSchema = (0, message_js_1.messageDesc)(exports.file_google_protobuf_compiler_plugin, 2, 0);
    var CodeGeneratorResponse_Feature;
    (function(CodeGeneratorResponse_Feature2) {
      CodeGeneratorResponse_Feature2[CodeGeneratorResponse_Feature2["NONE"] = 0] = "NONE";
      CodeGeneratorResponse_Feature2[CodeGeneratorResponse_Feature2["PROTO3_OPTIONAL"] = 1] = "PROTO3_OPTIONAL";
      CodeGeneratorResponse_Feature2[CodeGeneratorResponse_Feature2["SUPPORTS_EDITIONS"] = 2] = "SUPPORTS_EDITIONS";
    })(CodeGeneratorResponse_Feature || (exports.CodeGeneratorResponse_Feature = CodeGeneratorResponse_Feature = {}));
    exports.CodeGeneratorResponse_FeatureSchema = (0, enum_js_1.enumDesc)(exports.file_google_protobuf_compiler_plugin, 2, 0);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/index.js
var require_wkt = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_timestamp(), exports);
    __exportStar(require_duration(), exports);
    __exportStar(require_any(), exports);
    __exportStar(require_wrappers(), exports);
    __exportStar(require_any_pb(), exports);
    __exportStar(require_api_pb(), exports);
    __exportStar(require_cpp_features_pb(), exports);
    __exportStar(require_descriptor_pb(), exports);
    __exportStar(require_duration_pb(), exports);
    __exportStar(require_empty_pb(), exports);
    __exportStar(require_field_mask_pb(), exports);
    __exportStar(require_go_features_pb(), exports);
    __exportStar(require_java_features_pb(), exports);
    __exportStar(require_source_context_pb(), exports);
    __exportStar(require_struct_pb(), exports);
    __exportStar(require_timestamp_pb(), exports);
    __exportStar(require_type_pb(), exports);
    __exportStar(require_wrappers_pb(), exports);
    __exportStar(require_plugin_pb(), exports);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/extensions.js
var require_extensions = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/extensions.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getExtension = getExtension;
    exports.setExtension = setExtension;
    exports.clearExtension = clearExtension;
    exports.hasExtension = hasExtension;
    exports.hasOption = hasOption;
    exports.getOption = getOption;
    exports.createExtensionContainer = createExtensionContainer;
    var create_js_1 = require_create();
    var from_binary_js_1 = require_from_binary();
    var reflect_js_1 = require_reflect();
    var scalar_js_1 = require_scalar();
    var to_binary_js_1 = require_to_binary();
    var binary_encoding_js_1 = require_binary_encoding();
    var wrappers_js_1 = require_wrappers();
    function getExtension(message, extension, options) {
      assertExtendee(extension, message);
      const ufs = filterUnknownFields(message.$unknown, extension);
      const [container, field, get] = createExtensionContainer(extension);
      const ctx = (0, from_binary_js_1.makeReadContext)(options);
      for (const uf of ufs) {
        (0, from_binary_js_1.readField)(container, new binary_encoding_js_1.BinaryReader(uf.data), field, uf.wireType, ctx);
      }
      return get();
    }
    function setExtension(message, extension, value) {
      var _a;
      assertExtendee(extension, message);
      const ufs = ((_a = message.$unknown) !== null && _a !== void 0 ? _a : []).filter((uf) => uf.no !== extension.number);
      const [container, field] = createExtensionContainer(extension, value);
      const writer = new binary_encoding_js_1.BinaryWriter();
      (0, to_binary_js_1.writeField)(writer, { writeUnknownFields: true }, container, field);
      const reader = new binary_encoding_js_1.BinaryReader(writer.finish());
      while (reader.pos < reader.len) {
        const [no, wireType] = reader.tag();
        const data = reader.skip(wireType, no);
        ufs.push({ no, wireType, data });
      }
      message.$unknown = ufs;
    }
    function clearExtension(message, extension) {
      assertExtendee(extension, message);
      if (message.$unknown === void 0) {
        return;
      }
      message.$unknown = message.$unknown.filter((uf) => uf.no !== extension.number);
    }
    function hasExtension(message, extension) {
      var _a;
      return extension.extendee.typeName === message.$typeName && !!((_a = message.$unknown) === null || _a === void 0 ? void 0 : _a.find((uf) => uf.no === extension.number));
    }
    function hasOption(element, option) {
      const message = element.proto.options;
      if (!message) {
        return false;
      }
      return hasExtension(message, option);
    }
    function getOption(element, option) {
      const message = element.proto.options;
      if (!message) {
        const [, , get] = createExtensionContainer(option);
        return get();
      }
      return getExtension(message, option);
    }
    function filterUnknownFields(unknownFields, extension) {
      if (unknownFields === void 0)
        return [];
      if (extension.fieldKind === "enum" || extension.fieldKind === "scalar") {
        for (let i = unknownFields.length - 1; i >= 0; --i) {
          if (unknownFields[i].no == extension.number) {
            return [unknownFields[i]];
          }
        }
        return [];
      }
      return unknownFields.filter((uf) => uf.no === extension.number);
    }
    function createExtensionContainer(extension, value) {
      const localName = extension.typeName;
      const field = Object.assign(Object.assign({}, extension), { kind: "field", parent: extension.extendee, localName });
      const desc = Object.assign(Object.assign({}, extension.extendee), { fields: [field], members: [field], oneofs: [] });
      const container = (0, create_js_1.create)(desc, value !== void 0 ? { [localName]: value } : void 0);
      return [
        (0, reflect_js_1.reflect)(desc, container),
        field,
        () => {
          const value2 = container[localName];
          if (value2 === void 0) {
            const desc2 = extension.message;
            if ((0, wrappers_js_1.isWrapperDesc)(desc2)) {
              return (0, scalar_js_1.scalarZeroValue)(desc2.fields[0].scalar, desc2.fields[0].longAsString);
            }
            return (0, create_js_1.create)(desc2);
          }
          return value2;
        }
      ];
    }
    function assertExtendee(extension, message) {
      if (extension.extendee.typeName != message.$typeName) {
        throw new Error(`extension ${extension.typeName} can only be applied to message ${extension.extendee.typeName}`);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/equals.js
var require_equals = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/equals.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.equals = equals;
    var scalar_js_1 = require_scalar();
    var reflect_js_1 = require_reflect();
    var descriptors_js_1 = require_descriptors();
    var index_js_1 = require_wkt();
    var extensions_js_1 = require_extensions();
    function equals(schema, a, b, options) {
      if (a.$typeName != schema.typeName || b.$typeName != schema.typeName) {
        return false;
      }
      if (a === b) {
        return true;
      }
      return reflectEquals((0, reflect_js_1.reflect)(schema, a), (0, reflect_js_1.reflect)(schema, b), options);
    }
    function reflectEquals(a, b, opts) {
      if (a.desc.typeName === "google.protobuf.Any" && (opts === null || opts === void 0 ? void 0 : opts.unpackAny) == true) {
        return anyUnpackedEquals(a.message, b.message, opts);
      }
      for (const f of a.fields) {
        if (!fieldEquals(f, a, b, opts)) {
          return false;
        }
      }
      if ((opts === null || opts === void 0 ? void 0 : opts.unknown) == true && !unknownEquals(a, b, opts.registry)) {
        return false;
      }
      if ((opts === null || opts === void 0 ? void 0 : opts.extensions) == true && !extensionsEquals(a, b, opts)) {
        return false;
      }
      return true;
    }
    function fieldEquals(f, a, b, opts) {
      if (!a.isSet(f) && !b.isSet(f)) {
        return true;
      }
      if (!a.isSet(f) || !b.isSet(f)) {
        return false;
      }
      switch (f.fieldKind) {
        case "scalar":
          return (0, scalar_js_1.scalarEquals)(f.scalar, a.get(f), b.get(f));
        case "enum":
          return a.get(f) === b.get(f);
        case "message":
          return reflectEquals(a.get(f), b.get(f), opts);
        case "map": {
          const mapA = a.get(f);
          const mapB = b.get(f);
          const keys = [];
          for (const k of mapA.keys()) {
            if (!mapB.has(k)) {
              return false;
            }
            keys.push(k);
          }
          for (const k of mapB.keys()) {
            if (!mapA.has(k)) {
              return false;
            }
          }
          for (const key of keys) {
            const va = mapA.get(key);
            const vb = mapB.get(key);
            if (va === vb) {
              continue;
            }
            switch (f.mapKind) {
              case "enum":
                return false;
              case "message":
                if (!reflectEquals(va, vb, opts)) {
                  return false;
                }
                break;
              case "scalar":
                if (!(0, scalar_js_1.scalarEquals)(f.scalar, va, vb)) {
                  return false;
                }
                break;
            }
          }
          break;
        }
        case "list": {
          const listA = a.get(f);
          const listB = b.get(f);
          if (listA.size != listB.size) {
            return false;
          }
          for (let i = 0; i < listA.size; i++) {
            const va = listA.get(i);
            const vb = listB.get(i);
            if (va === vb) {
              continue;
            }
            switch (f.listKind) {
              case "enum":
                return false;
              case "message":
                if (!reflectEquals(va, vb, opts)) {
                  return false;
                }
                break;
              case "scalar":
                if (!(0, scalar_js_1.scalarEquals)(f.scalar, va, vb)) {
                  return false;
                }
                break;
            }
          }
          break;
        }
      }
      return true;
    }
    function anyUnpackedEquals(a, b, opts) {
      if (a.typeUrl !== b.typeUrl) {
        return false;
      }
      const unpackedA = (0, index_js_1.anyUnpack)(a, opts.registry);
      const unpackedB = (0, index_js_1.anyUnpack)(b, opts.registry);
      if (unpackedA && unpackedB) {
        const schema = opts.registry.getMessage(unpackedA.$typeName);
        if (schema) {
          return equals(schema, unpackedA, unpackedB, opts);
        }
      }
      return (0, scalar_js_1.scalarEquals)(descriptors_js_1.ScalarType.BYTES, a.value, b.value);
    }
    function unknownEquals(a, b, registry) {
      function getTrulyUnknown(msg, registry2) {
        var _a;
        const u = (_a = msg.getUnknown()) !== null && _a !== void 0 ? _a : [];
        return registry2 ? u.filter((uf) => !registry2.getExtensionFor(msg.desc, uf.no)) : u;
      }
      const unknownA = getTrulyUnknown(a, registry);
      const unknownB = getTrulyUnknown(b, registry);
      if (unknownA.length != unknownB.length) {
        return false;
      }
      for (let i = 0; i < unknownA.length; i++) {
        const a2 = unknownA[i];
        const b2 = unknownB[i];
        if (a2.no != b2.no) {
          return false;
        }
        if (a2.wireType != b2.wireType) {
          return false;
        }
        if (!(0, scalar_js_1.scalarEquals)(descriptors_js_1.ScalarType.BYTES, a2.data, b2.data)) {
          return false;
        }
      }
      return true;
    }
    function extensionsEquals(a, b, opts) {
      function getSetExtensions(msg, registry) {
        var _a;
        return ((_a = msg.getUnknown()) !== null && _a !== void 0 ? _a : []).map((uf) => registry.getExtensionFor(msg.desc, uf.no)).filter((e) => e != void 0).filter((e, index, arr) => arr.indexOf(e) === index);
      }
      const extensionsA = getSetExtensions(a, opts.registry);
      const extensionsB = getSetExtensions(b, opts.registry);
      if (extensionsA.length != extensionsB.length || extensionsA.some((e) => !extensionsB.includes(e))) {
        return false;
      }
      for (const extension of extensionsA) {
        const [containerA, field] = (0, extensions_js_1.createExtensionContainer)(extension, (0, extensions_js_1.getExtension)(a.message, extension));
        const [containerB] = (0, extensions_js_1.createExtensionContainer)(extension, (0, extensions_js_1.getExtension)(b.message, extension));
        if (!fieldEquals(field, containerA, containerB, opts)) {
          return false;
        }
      }
      return true;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/fields.js
var require_fields = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/fields.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isFieldSet = isFieldSet;
    exports.clearField = clearField;
    var unsafe_js_1 = require_unsafe();
    function isFieldSet(message, field) {
      return field.parent.typeName == message.$typeName && (0, unsafe_js_1.unsafeIsSet)(message, field);
    }
    function clearField(message, field) {
      if (field.parent.typeName == message.$typeName) {
        (0, unsafe_js_1.unsafeClear)(message, field);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wkt/json.js
var require_json = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wkt/json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.durationSecondsMax = exports.durationSecondsMin = exports.timestampMsMax = exports.timestampMsMin = void 0;
    exports.timestampMsMin = Date.parse("0001-01-01T00:00:00Z");
    exports.timestampMsMax = Date.parse("9999-12-31T23:59:59Z");
    exports.durationSecondsMin = -315576e6;
    exports.durationSecondsMax = 315576e6;
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/size-delimited.js
var require_size_delimited = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/size-delimited.js"(exports) {
    "use strict";
    var __asyncValues3 = exports && exports.__asyncValues || function(o) {
      if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
      var m = o[Symbol.asyncIterator], i;
      return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
        return this;
      }, i);
      function verb(n) {
        i[n] = o[n] && function(v) {
          return new Promise(function(resolve, reject) {
            v = o[n](v), settle(resolve, reject, v.done, v.value);
          });
        };
      }
      function settle(resolve, reject, d, v) {
        Promise.resolve(v).then(function(v2) {
          resolve({ value: v2, done: d });
        }, reject);
      }
    };
    var __await4 = exports && exports.__await || function(v) {
      return this instanceof __await4 ? (this.v = v, this) : new __await4(v);
    };
    var __asyncGenerator4 = exports && exports.__asyncGenerator || function(thisArg, _arguments, generator) {
      if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
      var g = generator.apply(thisArg, _arguments || []), i, q = [];
      return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
        return this;
      }, i;
      function awaitReturn(f) {
        return function(v) {
          return Promise.resolve(v).then(f, reject);
        };
      }
      function verb(n, f) {
        if (g[n]) {
          i[n] = function(v) {
            return new Promise(function(a, b) {
              q.push([n, v, a, b]) > 1 || resume(n, v);
            });
          };
          if (f) i[n] = f(i[n]);
        }
      }
      function resume(n, v) {
        try {
          step(g[n](v));
        } catch (e) {
          settle(q[0][3], e);
        }
      }
      function step(r) {
        r.value instanceof __await4 ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
      }
      function fulfill(value) {
        resume("next", value);
      }
      function reject(value) {
        resume("throw", value);
      }
      function settle(f, v) {
        if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
      }
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.sizeDelimitedEncode = sizeDelimitedEncode;
    exports.sizeDelimitedDecodeStream = sizeDelimitedDecodeStream;
    exports.sizeDelimitedPeek = sizeDelimitedPeek;
    var to_binary_js_1 = require_to_binary();
    var binary_encoding_js_1 = require_binary_encoding();
    var from_binary_js_1 = require_from_binary();
    function sizeDelimitedEncode(messageDesc2, message, options) {
      const writer = new binary_encoding_js_1.BinaryWriter();
      writer.bytes((0, to_binary_js_1.toBinary)(messageDesc2, message, options));
      return writer.finish();
    }
    var defaultReadMaxBytes = 64 * 1024 * 1024;
    var ByteBuffer = class {
      constructor() {
        this.buffer = new Uint8Array(0);
        this.length = 0;
      }
      get byteLength() {
        return this.length;
      }
      bytes() {
        return this.buffer.subarray(0, this.length);
      }
      append(chunk) {
        const newByteLength = this.length + chunk.byteLength;
        if (newByteLength > this.buffer.byteLength) {
          const grown = new Uint8Array(Math.max(this.buffer.byteLength * 2, newByteLength));
          grown.set(this.buffer.subarray(0, this.length));
          this.buffer = grown;
        }
        this.buffer.set(chunk, this.length);
        this.length += chunk.byteLength;
      }
    };
    function sizeDelimitedDecodeStream(messageDesc2, iterable, options) {
      return __asyncGenerator4(this, arguments, function* sizeDelimitedDecodeStream_1() {
        var _a, e_1, _b, _c;
        var _d;
        const readMaxBytes = (_d = options === null || options === void 0 ? void 0 : options.readMaxBytes) !== null && _d !== void 0 ? _d : defaultReadMaxBytes;
        let buffer = new ByteBuffer();
        try {
          for (var _e = true, iterable_1 = __asyncValues3(iterable), iterable_1_1; iterable_1_1 = yield __await4(iterable_1.next()), _a = iterable_1_1.done, !_a; _e = true) {
            _c = iterable_1_1.value;
            _e = false;
            const chunk = _c;
            buffer.append(chunk);
            const bytes = buffer.bytes();
            let offset = 0;
            for (; ; ) {
              const size = sizeDelimitedPeek(bytes.subarray(offset));
              if (size.eof) {
                break;
              }
              if (size.size > readMaxBytes) {
                throw new Error(`message size ${size.size} is larger than configured readMaxBytes ${readMaxBytes}`);
              }
              const messageStart = offset + size.offset;
              const messageEnd = messageStart + size.size;
              if (messageEnd > bytes.byteLength) {
                break;
              }
              yield yield __await4((0, from_binary_js_1.fromBinary)(messageDesc2, bytes.subarray(messageStart, messageEnd), options));
              offset = messageEnd;
            }
            if (offset > 0) {
              buffer = new ByteBuffer();
              buffer.append(bytes.subarray(offset));
            }
          }
        } catch (e_1_1) {
          e_1 = { error: e_1_1 };
        } finally {
          try {
            if (!_e && !_a && (_b = iterable_1.return)) yield __await4(_b.call(iterable_1));
          } finally {
            if (e_1) throw e_1.error;
          }
        }
        if (buffer.byteLength > 0) {
          throw new Error("incomplete data");
        }
      });
    }
    function sizeDelimitedPeek(data) {
      const sizeEof = { eof: true, size: null, offset: null };
      for (let i = 0; i < 10; i++) {
        if (i > data.byteLength) {
          return sizeEof;
        }
        if ((data[i] & 128) == 0) {
          const reader = new binary_encoding_js_1.BinaryReader(data);
          let size;
          try {
            size = reader.uint32();
          } catch (e) {
            if (e instanceof RangeError) {
              return sizeEof;
            }
            throw e;
          }
          return {
            eof: false,
            size,
            offset: reader.pos
          };
        }
      }
      throw new Error("invalid varint");
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/wire/index.js
var require_wire = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/wire/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.configureTextEncoding = exports.getTextEncoding = void 0;
    __exportStar(require_binary_encoding(), exports);
    __exportStar(require_base64_encoding(), exports);
    var text_encoding_js_1 = require_text_encoding();
    Object.defineProperty(exports, "getTextEncoding", { enumerable: true, get: function() {
      return text_encoding_js_1.getTextEncoding;
    } });
    Object.defineProperty(exports, "configureTextEncoding", { enumerable: true, get: function() {
      return text_encoding_js_1.configureTextEncoding;
    } });
    __exportStar(require_text_format(), exports);
    __exportStar(require_size_delimited(), exports);
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/to-json.js
var require_to_json = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/to-json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toJson = toJson;
    exports.toJsonString = toJsonString2;
    exports.enumToJson = enumToJson;
    var descriptors_js_1 = require_descriptors();
    var names_js_1 = require_names();
    var index_js_1 = require_wkt();
    var wrappers_js_1 = require_wrappers();
    var json_js_1 = require_json();
    var index_js_2 = require_wire();
    var extensions_js_1 = require_extensions();
    var reflect_check_js_1 = require_reflect_check();
    var error_js_1 = require_error();
    var unsafe_js_1 = require_unsafe();
    var scalar_js_1 = require_scalar();
    var message_js_1 = require_message();
    var LEGACY_REQUIRED2 = 3;
    var IMPLICIT3 = 2;
    var jsonWriteDefaults = {
      alwaysEmitImplicit: false,
      enumAsInteger: false,
      useProtoFieldName: false
    };
    function makeWriteOptions(options) {
      return options ? Object.assign(Object.assign({}, jsonWriteDefaults), options) : jsonWriteDefaults;
    }
    function toJson(schema, message, options) {
      return compiledWriter(schema)(makeWriteOptions(options), message);
    }
    function toJsonString2(schema, message, options) {
      var _a;
      const jsonValue = toJson(schema, message, options);
      return JSON.stringify(jsonValue, null, (_a = options === null || options === void 0 ? void 0 : options.prettySpaces) !== null && _a !== void 0 ? _a : 0);
    }
    function enumToJson(descEnum, value) {
      var _a;
      if (descEnum.typeName == "google.protobuf.NullValue") {
        return null;
      }
      const name = (_a = descEnum.value[value]) === null || _a === void 0 ? void 0 : _a.jsonName;
      if (name === void 0) {
        throw new Error(`${value} is not a value in ${descEnum}`);
      }
      return name;
    }
    var compiledWriters = /* @__PURE__ */ new WeakMap();
    function compiledWriter(desc) {
      let compiled = compiledWriters.get(desc);
      if (compiled === void 0) {
        compiled = compileMessage2(desc);
      }
      return compiled;
    }
    function compileMessage2(desc) {
      const typeName = desc.typeName;
      const writeWkt = compileWkt(desc);
      if (writeWkt !== void 0) {
        const foreignField2 = desc.fields[0];
        const compiledWriter3 = (opts, message) => {
          if (message.$typeName !== typeName && foreignField2 !== void 0) {
            throw new error_js_1.FieldError(foreignField2, `cannot use ${foreignField2} with message ${message.$typeName}`, "ForeignFieldError");
          }
          return writeWkt(opts, message);
        };
        compiledWriters.set(desc, compiledWriter3);
        return compiledWriter3;
      }
      const sortedFields = desc.fields.concat().sort((a, b) => a.number - b.number);
      const foreignField = sortedFields[0];
      const fieldWriters = [];
      const compiledWriter2 = (opts, message) => {
        if (message.$typeName !== typeName && foreignField !== void 0) {
          throw new error_js_1.FieldError(foreignField, `cannot use ${foreignField} with message ${message.$typeName}`, "ForeignFieldError");
        }
        const json = {};
        for (let i = 0; i < fieldWriters.length; i++) {
          fieldWriters[i](opts, message, json);
        }
        if (opts.registry) {
          writeExtensions(json, opts, opts.registry, message, desc);
        }
        return json;
      };
      compiledWriters.set(desc, compiledWriter2);
      for (const field of sortedFields) {
        const writeField = compileField(field);
        fieldWriters.push(field.jsonName === "__proto__" || field.name === "__proto__" ? writeOwnKeys(writeField) : writeField);
      }
      return compiledWriter2;
    }
    function writeOwnKeys(writeField) {
      return (opts, message, json) => {
        const tmp = /* @__PURE__ */ Object.create(null);
        writeField(opts, message, tmp);
        for (const key of Object.keys(tmp)) {
          (0, unsafe_js_1.setOwn)(json, key, tmp[key]);
        }
      };
    }
    function compileWkt(desc) {
      if (!desc.typeName.startsWith("google.protobuf.")) {
        return void 0;
      }
      switch (desc.typeName) {
        case "google.protobuf.Any":
          return (opts, message) => anyToJson(message, opts);
        case "google.protobuf.Timestamp":
          return (opts, message) => timestampToJson(message);
        case "google.protobuf.Duration":
          return (opts, message) => durationToJson(message);
        case "google.protobuf.FieldMask":
          return (opts, message) => fieldMaskToJson(message);
        case "google.protobuf.Struct":
          return (opts, message) => structToJson(message);
        case "google.protobuf.Value":
          return (opts, message) => valueToJson(message);
        case "google.protobuf.ListValue":
          return (opts, message) => listValueToJson(message);
        default:
          if ((0, wrappers_js_1.isWrapperDesc)(desc)) {
            const valueField = desc.fields[0];
            const localName = valueField.localName;
            const zero = (0, scalar_js_1.scalarZeroValue)(valueField.scalar, false);
            const writeScalar = compileScalarValue(valueField);
            return (opts, message) => {
              const value = message[localName];
              return writeScalar(opts, value === void 0 ? zero : value);
            };
          }
          return void 0;
      }
    }
    function compileField(field) {
      switch (field.fieldKind) {
        case "scalar":
        case "enum":
        case "message":
          return compileSingularField(field);
        case "list":
        case "map": {
          const writeValue = field.fieldKind == "list" ? compileListValue(field) : compileMapValue(field);
          const protoName = field.name;
          const jsonKey = field.jsonName;
          const localName = field.localName;
          return (opts, message, json) => {
            const value = writeValue(opts, message[localName]);
            if (value !== void 0) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = value;
            }
          };
        }
      }
    }
    function compileSingularField(field) {
      const writeValue = compileSingularValue(field);
      const protoName = field.name;
      const jsonKey = field.jsonName;
      const localName = field.localName;
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (opts, message, json) => {
          const oneof = message[oneofLocalName];
          if (oneof.case === localName) {
            json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, oneof.value);
          }
        };
      }
      if (field.presence != IMPLICIT3) {
        const requiredError = field.presence == LEGACY_REQUIRED2 ? `cannot encode ${field} to JSON: required field not set` : void 0;
        return (opts, message, json) => {
          const value = message[localName];
          if (value !== void 0 && Object.prototype.hasOwnProperty.call(message, localName)) {
            json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
          } else if (requiredError !== void 0) {
            throw new Error(requiredError);
          }
        };
      }
      if (field.fieldKind == "enum") {
        const zero = field.enum.values[0].number;
        return (opts, message, json) => {
          const value = message[localName];
          if (value !== zero || opts.alwaysEmitImplicit) {
            json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
          }
        };
      }
      switch (field.scalar) {
        case descriptors_js_1.ScalarType.BOOL:
          return (opts, message, json) => {
            const value = message[localName];
            if (value !== false || opts.alwaysEmitImplicit) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
            }
          };
        case descriptors_js_1.ScalarType.STRING:
          return (opts, message, json) => {
            const value = message[localName];
            if (value !== "" || opts.alwaysEmitImplicit) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
            }
          };
        case descriptors_js_1.ScalarType.BYTES:
          return (opts, message, json) => {
            const value = message[localName];
            if (!(value instanceof Uint8Array) || value.byteLength > 0 || opts.alwaysEmitImplicit) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
            }
          };
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          return (opts, message, json) => {
            const value = message[localName];
            if (!Object.is(value, 0) || opts.alwaysEmitImplicit) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
            }
          };
        default:
          return (opts, message, json) => {
            const value = message[localName];
            if (value != 0 || opts.alwaysEmitImplicit) {
              json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
            }
          };
      }
    }
    function compileFieldValue(field) {
      switch (field.fieldKind) {
        case "scalar":
        case "enum":
        case "message":
          return compileSingularValue(field);
        case "list":
          return compileListValue(field);
        case "map":
          return compileMapValue(field);
      }
    }
    function compileSingularValue(field) {
      switch (field.fieldKind) {
        case "scalar":
          return compileScalarValue(field);
        case "enum":
          return compileEnumValue(field);
        case "message":
          return compileMessageValue(field);
      }
    }
    function compileMessageValue(field) {
      const { toMessage } = (0, message_js_1.localMessageMapper)(field);
      const writeMessage = compiledWriter(field.message);
      return (opts, value) => writeMessage(opts, toMessage(value));
    }
    function compileListValue(field) {
      const writeItem = compileListItemValue(field);
      return (opts, value) => {
        const items = value;
        if (items.length == 0 && !opts.alwaysEmitImplicit) {
          return void 0;
        }
        const jsonArray = [];
        for (let i = 0; i < items.length; i++) {
          jsonArray.push(writeItem(opts, items[i]));
        }
        return jsonArray;
      };
    }
    function compileListItemValue(field) {
      switch (field.listKind) {
        case "scalar":
          return compileScalarValue(field);
        case "enum":
          return compileEnumValue(field);
        case "message":
          return compileMessageValue(field);
      }
    }
    function compileMapValue(field) {
      const writeMapValue = compileMapEntryValue(field);
      return (opts, value) => {
        const record = value;
        const keys = Object.keys(record);
        if (keys.length == 0 && !opts.alwaysEmitImplicit) {
          return void 0;
        }
        const jsonObject = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          (0, unsafe_js_1.setOwn)(jsonObject, key, writeMapValue(opts, record[key]));
        }
        return jsonObject;
      };
    }
    function compileMapEntryValue(field) {
      switch (field.mapKind) {
        case "scalar":
          return compileScalarValue(field);
        case "enum":
          return compileEnumValue(field);
        case "message":
          return compileMessageValue(field);
      }
    }
    function compileEnumValue(field) {
      const desc = field.enum;
      if (desc.typeName == "google.protobuf.NullValue") {
        return (opts, value) => {
          if (typeof value != "number") {
            throw errorEnumValue(desc, value);
          }
          return null;
        };
      }
      return (opts, value) => {
        var _a, _b;
        if (typeof value != "number") {
          throw errorEnumValue(desc, value);
        }
        if (opts.enumAsInteger) {
          return value;
        }
        return (_b = (_a = desc.value[value]) === null || _a === void 0 ? void 0 : _a.jsonName) !== null && _b !== void 0 ? _b : value;
      };
    }
    function errorEnumValue(desc, value) {
      return new Error(`cannot encode ${desc} to JSON: expected number, got ${(0, reflect_check_js_1.formatVal)(value)}`);
    }
    function compileScalarValue(field) {
      switch (field.scalar) {
        // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32:
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.UINT32:
          return (opts, value) => {
            if (typeof value != "number") {
              throw errorScalarValue(field, value);
            }
            return value;
          };
        // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
        // Either numbers or strings are accepted. Exponent notation is also accepted.
        case descriptors_js_1.ScalarType.FLOAT:
        case descriptors_js_1.ScalarType.DOUBLE:
          return (opts, value) => {
            if (typeof value != "number") {
              throw errorScalarValue(field, value);
            }
            if (Number.isNaN(value))
              return "NaN";
            if (value === Number.POSITIVE_INFINITY)
              return "Infinity";
            if (value === Number.NEGATIVE_INFINITY)
              return "-Infinity";
            return value;
          };
        // string:
        case descriptors_js_1.ScalarType.STRING:
          return (opts, value) => {
            if (typeof value != "string") {
              throw errorScalarValue(field, value);
            }
            return value;
          };
        // bool:
        case descriptors_js_1.ScalarType.BOOL:
          return (opts, value) => {
            if (typeof value != "boolean") {
              throw errorScalarValue(field, value);
            }
            return value;
          };
        // JSON value will be a decimal string. Either numbers or strings are accepted.
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          return (opts, value) => {
            if (typeof value == "bigint" || typeof value == "string" || typeof value == "number" && Number.isInteger(value)) {
              return value.toString();
            }
            throw errorScalarValue(field, value);
          };
        // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
        // Either standard or URL-safe base64 encoding with/without paddings are accepted.
        case descriptors_js_1.ScalarType.BYTES:
          return (opts, value) => {
            if (value instanceof Uint8Array) {
              return (0, index_js_2.base64Encode)(value);
            }
            throw errorScalarValue(field, value);
          };
      }
    }
    function errorScalarValue(field, value) {
      var _a;
      return new Error(`cannot encode ${field} to JSON: ${(_a = (0, reflect_check_js_1.checkField)(field, value)) === null || _a === void 0 ? void 0 : _a.message}`);
    }
    function writeExtensions(json, opts, registry, message, desc) {
      const unknown = message.$unknown;
      if (unknown === void 0) {
        return;
      }
      const tagSeen = /* @__PURE__ */ new Set();
      for (let i = 0; i < unknown.length; i++) {
        const { no } = unknown[i];
        if (!tagSeen.has(no)) {
          tagSeen.add(no);
          const extension = registry.getExtensionFor(desc, no);
          if (!extension) {
            continue;
          }
          const value = (0, extensions_js_1.getExtension)(message, extension);
          const [container, field] = (0, extensions_js_1.createExtensionContainer)(extension, value);
          const local = container[unsafe_js_1.unsafeLocal];
          const jsonValue = compileFieldValue(field)(opts, local[field.localName]);
          if (jsonValue !== void 0) {
            json[extension.jsonName] = jsonValue;
          }
        }
      }
    }
    function anyToJson(val, opts) {
      if (val.typeUrl === "") {
        return {};
      }
      const { registry } = opts;
      let message;
      let desc;
      if (registry) {
        message = (0, index_js_1.anyUnpack)(val, registry);
        if (message) {
          desc = registry.getMessage(message.$typeName);
        }
      }
      if (!desc || !message) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: "${val.typeUrl}" is not in the type registry`);
      }
      const json = (0, wrappers_js_1.hasCustomJsonRepresentation)(desc) ? {
        value: compiledWriter(desc)(opts, message)
      } : compiledWriter(desc)(opts, message);
      json["@type"] = val.typeUrl;
      return json;
    }
    function durationToJson(val) {
      const seconds = Number(val.seconds);
      const nanos = val.nanos;
      if (seconds > json_js_1.durationSecondsMax || seconds < json_js_1.durationSecondsMin) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: value out of range`);
      }
      if (seconds > 0 && nanos < 0 || seconds < 0 && nanos > 0) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos sign must match seconds sign`);
      }
      let text = val.seconds.toString();
      if (nanos !== 0) {
        let nanosStr = Math.abs(nanos).toString();
        nanosStr = "0".repeat(9 - nanosStr.length) + nanosStr;
        if (nanosStr.substring(3) === "000000") {
          nanosStr = nanosStr.substring(0, 3);
        } else if (nanosStr.substring(6) === "000") {
          nanosStr = nanosStr.substring(0, 6);
        }
        text += "." + nanosStr;
        if (nanos < 0 && seconds == 0) {
          text = "-" + text;
        }
      }
      return text + "s";
    }
    function fieldMaskToJson(val) {
      return val.paths.map((p) => {
        if ((0, names_js_1.protoSnakeCase)((0, names_js_1.protoCamelCase)(p)) !== p) {
          throw new Error(`cannot encode message ${val.$typeName} to JSON: lowerCamelCase of path name "${p}" is irreversible`);
        }
        return (0, names_js_1.protoCamelCase)(p);
      }).join(",");
    }
    function structToJson(val) {
      const json = {};
      const keys = Object.keys(val.fields);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        (0, unsafe_js_1.setOwn)(json, key, valueToJson(val.fields[key]));
      }
      return json;
    }
    function valueToJson(val) {
      switch (val.kind.case) {
        case "nullValue":
          return null;
        case "numberValue":
          if (!Number.isFinite(val.kind.value)) {
            throw new Error(`${val.$typeName} cannot be NaN or Infinity`);
          }
          return val.kind.value;
        case "boolValue":
          return val.kind.value;
        case "stringValue":
          return val.kind.value;
        case "structValue":
          return structToJson(val.kind.value);
        case "listValue":
          return listValueToJson(val.kind.value);
        default:
          throw new Error(`${val.$typeName} must have a value`);
      }
    }
    function listValueToJson(val) {
      return val.values.map(valueToJson);
    }
    function timestampToJson(val) {
      const ms = Number(val.seconds) * 1e3;
      if (ms < json_js_1.timestampMsMin || ms > json_js_1.timestampMsMax) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
      }
      if (val.nanos < 0) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos must not be negative`);
      }
      if (val.nanos > 999999999) {
        throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos must not be greater than 999999999`);
      }
      let z = "Z";
      if (val.nanos > 0) {
        const nanosStr = (val.nanos + 1e9).toString().substring(1);
        if (nanosStr.substring(3) === "000000") {
          z = "." + nanosStr.substring(0, 3) + "Z";
        } else if (nanosStr.substring(6) === "000") {
          z = "." + nanosStr.substring(0, 6) + "Z";
        } else {
          z = "." + nanosStr + "Z";
        }
      }
      return new Date(ms).toISOString().replace(".000Z", z);
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/from-json.js
var require_from_json = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/from-json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fromJsonString = fromJsonString2;
    exports.mergeFromJsonString = mergeFromJsonString;
    exports.fromJson = fromJson;
    exports.mergeFromJson = mergeFromJson;
    exports.enumFromJson = enumFromJson;
    exports.isEnumJson = isEnumJson;
    var descriptors_js_1 = require_descriptors();
    var proto_int64_js_1 = require_proto_int64();
    var create_js_1 = require_create();
    var error_js_1 = require_error();
    var reflect_check_js_1 = require_reflect_check();
    var names_js_1 = require_names();
    var scalar_js_1 = require_scalar();
    var unsafe_js_1 = require_unsafe();
    var message_js_1 = require_message();
    var base64_encoding_js_1 = require_base64_encoding();
    var index_js_1 = require_wkt();
    var extensions_js_1 = require_extensions();
    var json_js_1 = require_json();
    var IMPLICIT3 = 2;
    function makeReadContext2(options) {
      return Object.assign(Object.assign({ ignoreUnknownFields: false, recursionLimit: 100 }, options), { depth: 0 });
    }
    function fromJsonString2(schema, json, options) {
      return fromJson(schema, parseJsonString(json, schema.typeName), options);
    }
    function mergeFromJsonString(schema, target, json, options) {
      return mergeFromJson(schema, target, parseJsonString(json, schema.typeName), options);
    }
    function fromJson(schema, json, options) {
      const message = (0, create_js_1.create)(schema);
      readMessage(schema, message, json, options);
      return message;
    }
    function mergeFromJson(schema, target, json, options) {
      if (target.$typeName !== schema.typeName && schema.fields.length > 0) {
        throw new error_js_1.FieldError(schema.fields[0], `cannot use ${schema.fields[0]} with message ${target.$typeName}`, "ForeignFieldError");
      }
      readMessage(schema, target, json, options);
      return target;
    }
    function readMessage(schema, message, json, options) {
      try {
        compiledReader2(schema)(message, json, makeReadContext2(options));
      } catch (e) {
        if ((0, error_js_1.isFieldError)(e)) {
          throw new Error(`cannot decode ${e.field()} from JSON: ${e.message}`, {
            cause: e
          });
        }
        throw e;
      }
    }
    function enumFromJson(descEnum, json) {
      return compileEnumConverter(descEnum)(json, false);
    }
    function isEnumJson(descEnum, value) {
      return descEnum.values.some((v) => v.jsonName === value);
    }
    var compiledReaders2 = /* @__PURE__ */ new WeakMap();
    function compiledReader2(desc) {
      let compiled = compiledReaders2.get(desc);
      if (compiled === void 0) {
        compiled = compileMessage2(desc);
      }
      return compiled;
    }
    function compileMessage2(desc) {
      const descString = String(desc);
      const readWkt = compileWkt(desc);
      if (readWkt !== void 0) {
        const compiled2 = (message, json, ctx) => {
          if (++ctx.depth > ctx.recursionLimit) {
            throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
          }
          readWkt(message, json, ctx);
          ctx.depth--;
        };
        compiledReaders2.set(desc, compiled2);
        return compiled2;
      }
      const typeName = desc.typeName;
      const fieldsByJsonKey = /* @__PURE__ */ new Map();
      const compiled = (message, json, ctx) => {
        var _a;
        if (++ctx.depth > ctx.recursionLimit) {
          throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
        }
        if (json == null || Array.isArray(json) || typeof json != "object") {
          throw new Error(`cannot decode ${descString} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
        }
        const oneofSeen = /* @__PURE__ */ new Map();
        const fieldSeen = /* @__PURE__ */ new Set();
        const jsonKeys = Object.keys(json);
        for (let i = 0; i < jsonKeys.length; i++) {
          const jsonKey = jsonKeys[i];
          const jsonValue = json[jsonKey];
          const entry = fieldsByJsonKey.get(jsonKey);
          if (entry !== void 0) {
            const field = entry.field;
            if (fieldSeen.has(field)) {
              throw new error_js_1.FieldError(field, "set multiple times");
            }
            fieldSeen.add(field);
            if (entry.oneofScalarNullSkip && jsonValue === null) {
              continue;
            }
            if (entry.oneof) {
              const seen = oneofSeen.get(entry.oneof);
              if (seen !== void 0) {
                throw new error_js_1.FieldError(entry.oneof, `oneof set multiple times by ${seen.name} and ${field.name}`);
              }
              oneofSeen.set(entry.oneof, field);
            }
            entry.read(message, jsonValue, ctx);
          } else {
            const extension = jsonKey.startsWith("[") && jsonKey.endsWith("]") ? (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getExtension(jsonKey.substring(1, jsonKey.length - 1)) : void 0;
            if ((extension === null || extension === void 0 ? void 0 : extension.extendee.typeName) == typeName) {
              const [container, field, get] = (0, extensions_js_1.createExtensionContainer)(extension);
              compileFieldReader2(field)(container[unsafe_js_1.unsafeLocal], jsonValue, ctx);
              (0, extensions_js_1.setExtension)(message, extension, get());
            }
            if (extension === void 0 && !ctx.ignoreUnknownFields) {
              throw new Error(`cannot decode ${descString} from JSON: key "${jsonKey}" is unknown`);
            }
          }
        }
        ctx.depth--;
      };
      compiledReaders2.set(desc, compiled);
      for (const field of desc.fields) {
        const entry = {
          read: compileFieldReader2(field),
          field,
          oneof: field.oneof,
          oneofScalarNullSkip: field.oneof !== void 0 && field.fieldKind == "scalar"
        };
        fieldsByJsonKey.set(field.name, entry).set(field.jsonName, entry);
      }
      return compiled;
    }
    function compileWkt(desc) {
      if (!desc.typeName.startsWith("google.protobuf.")) {
        return void 0;
      }
      switch (desc.typeName) {
        case "google.protobuf.Any":
          return (message, json, ctx) => anyFromJson(message, json, ctx);
        case "google.protobuf.Timestamp":
          return (message, json) => timestampFromJson(message, json);
        case "google.protobuf.Duration":
          return (message, json) => durationFromJson(message, json);
        case "google.protobuf.FieldMask":
          return (message, json) => fieldMaskFromJson(message, json);
        case "google.protobuf.Struct":
          return (message, json, ctx) => structFromJson(message, json, ctx);
        case "google.protobuf.Value":
          return (message, json, ctx) => valueFromJson(message, json, ctx);
        case "google.protobuf.ListValue":
          return (message, json, ctx) => listValueFromJson(message, json, ctx);
        default:
          if ((0, index_js_1.isWrapperDesc)(desc)) {
            const valueField = desc.fields[0];
            const localName = valueField.localName;
            const scalar = valueField.scalar;
            const longAsString = valueField.longAsString;
            const readScalar = compileScalarConverter(valueField);
            return (message, json) => {
              if (json === null) {
                message[localName] = (0, scalar_js_1.scalarZeroValue)(scalar, longAsString);
              } else {
                message[localName] = readScalar(json);
              }
            };
          }
          return void 0;
      }
    }
    function compileFieldReader2(field) {
      switch (field.fieldKind) {
        case "scalar":
          return compileScalarFieldReader2(field);
        case "enum":
          return compileEnumFieldReader2(field);
        case "message":
          return compileMessageFieldReader2(field);
        case "list":
          return compileListFieldReader2(field);
        case "map":
          return compileMapFieldReader2(field);
      }
    }
    function compileScalarFieldReader2(field) {
      const readScalar = compileScalarConverter(field);
      const localName = field.localName;
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, json) => {
          message[oneofLocalName] = {
            case: localName,
            value: readScalar(json)
          };
        };
      }
      const clear = compileClear(field);
      return (message, json) => {
        if (json === null) {
          clear(message);
        } else {
          message[localName] = readScalar(json);
        }
      };
    }
    function compileClear(field) {
      const localName = field.localName;
      if (field.presence != IMPLICIT3) {
        return (message) => {
          delete message[localName];
        };
      }
      if (field.fieldKind == "enum") {
        const zero = field.enum.values[0].number;
        return (message) => {
          message[localName] = zero;
        };
      }
      const scalar = field.scalar;
      const longAsString = field.longAsString;
      return (message) => {
        message[localName] = (0, scalar_js_1.scalarZeroValue)(scalar, longAsString);
      };
    }
    function compileEnumFieldReader2(field) {
      const readEnumValue = compileEnumConverter(field.enum);
      const checkEnum = compileEnumCheck(field.enum);
      const localName = field.localName;
      const nullResets = field.enum.typeName != "google.protobuf.NullValue";
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, json, ctx) => {
          if (json === null && nullResets) {
            const oneof = message[oneofLocalName];
            if (oneof.case === localName) {
              message[oneofLocalName] = { case: void 0 };
            }
            return;
          }
          const value = readEnumValue(json, ctx.ignoreUnknownFields);
          if (value === tokenIgnoredUnknownEnum) {
            return;
          }
          const check = checkEnum(value);
          if (check !== true) {
            throw new error_js_1.FieldError(field, (0, reflect_check_js_1.reasonSingular)(field, value, check));
          }
          message[oneofLocalName] = { case: localName, value };
        };
      }
      const clear = compileClear(field);
      return (message, json, ctx) => {
        if (json === null && nullResets) {
          clear(message);
          return;
        }
        const value = readEnumValue(json, ctx.ignoreUnknownFields);
        if (value === tokenIgnoredUnknownEnum) {
          return;
        }
        const check = checkEnum(value);
        if (check !== true) {
          throw new error_js_1.FieldError(field, (0, reflect_check_js_1.reasonSingular)(field, value, check));
        }
        message[localName] = value;
      };
    }
    function compileMessageFieldReader2(field) {
      const localName = field.localName;
      const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
      const readChild = compiledReader2(field.message);
      const nullResets = field.message.typeName != "google.protobuf.Value";
      if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, json, ctx) => {
          const oneof = message[oneofLocalName];
          if (json === null && nullResets) {
            if (oneof.case === localName) {
              message[oneofLocalName] = { case: void 0 };
            }
            return;
          }
          const child = toMessage(oneof.case === localName ? oneof.value : void 0);
          readChild(child, json, ctx);
          message[oneofLocalName] = { case: localName, value: toLocal(child) };
        };
      }
      return (message, json, ctx) => {
        if (json === null && nullResets) {
          delete message[localName];
          return;
        }
        const child = toMessage(message[localName]);
        readChild(child, json, ctx);
        message[localName] = toLocal(child);
      };
    }
    function compileListFieldReader2(field) {
      const localName = field.localName;
      const readItem = compileListItemReader(field);
      return (message, json, ctx) => {
        if (json === null) {
          return;
        }
        if (!Array.isArray(json)) {
          throw new error_js_1.FieldError(field, "expected Array, got " + (0, reflect_check_js_1.formatVal)(json));
        }
        const items = message[localName];
        for (let i = 0; i < json.length; i++) {
          const value = readItem(json[i], ctx, items.length);
          if (value !== tokenIgnoredUnknownEnum) {
            items.push(value);
          }
        }
      };
    }
    function compileListItemReader(field) {
      switch (field.listKind) {
        case "scalar": {
          const parseScalar = compileScalarParse(field);
          const checkValue = (0, reflect_check_js_1.checkScalarValue)(field.scalar);
          const toLocal = compileScalarToLocal(field);
          return (json, ctx, index) => {
            if (json === null) {
              throw new error_js_1.FieldError(field, "list item must not be null");
            }
            const value = parseScalar(json);
            const check = checkValue(value);
            if (check !== true) {
              throw new error_js_1.FieldError(field, `list item #${index + 1}: ${(0, reflect_check_js_1.reasonSingular)(field, value, check)}`);
            }
            return toLocal(value);
          };
        }
        case "enum": {
          const readEnumValue = compileEnumConverter(field.enum);
          const checkEnum = compileEnumCheck(field.enum);
          const nullResets = field.enum.typeName != "google.protobuf.NullValue";
          return (json, ctx, index) => {
            if (json === null && nullResets) {
              throw new error_js_1.FieldError(field, "list item must not be null");
            }
            const value = readEnumValue(json, ctx.ignoreUnknownFields);
            if (value === tokenIgnoredUnknownEnum) {
              return value;
            }
            const check = checkEnum(value);
            if (check !== true) {
              throw new error_js_1.FieldError(field, `list item #${index + 1}: ${(0, reflect_check_js_1.reasonSingular)(field, value, check)}`);
            }
            return value;
          };
        }
        case "message": {
          const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
          const readChild = compiledReader2(field.message);
          const nullResets = field.message.typeName != "google.protobuf.Value";
          return (json, ctx) => {
            if (json === null && nullResets) {
              throw new error_js_1.FieldError(field, "list item must not be null");
            }
            const child = toMessage(void 0);
            readChild(child, json, ctx);
            return toLocal(child);
          };
        }
      }
    }
    function compileMapFieldReader2(field) {
      const localName = field.localName;
      const mapKey = field.mapKey;
      const parseMapKey = compileMapKeyParse(mapKey);
      const checkMapKey = (0, reflect_check_js_1.checkScalarValue)(mapKey);
      let parseValue;
      let checkValue;
      let toLocalValue = (value) => value;
      let nullResets = true;
      switch (field.mapKind) {
        case "scalar": {
          parseValue = compileScalarParse(field);
          checkValue = (0, reflect_check_js_1.checkScalarValue)(field.scalar);
          toLocalValue = compileScalarToLocal(field);
          break;
        }
        case "enum": {
          const readEnumValue = compileEnumConverter(field.enum);
          parseValue = (json, ctx) => readEnumValue(json, ctx.ignoreUnknownFields);
          checkValue = compileEnumCheck(field.enum);
          nullResets = field.enum.typeName != "google.protobuf.NullValue";
          break;
        }
        case "message": {
          const { toMessage, toLocal } = (0, message_js_1.localMessageMapper)(field);
          const readChild = compiledReader2(field.message);
          nullResets = field.message.typeName != "google.protobuf.Value";
          parseValue = (json, ctx) => {
            const child = toMessage(void 0);
            readChild(child, json, ctx);
            return toLocal(child);
          };
          break;
        }
      }
      return (message, json, ctx) => {
        if (json === null) {
          return;
        }
        if (typeof json != "object" || Array.isArray(json)) {
          throw new error_js_1.FieldError(field, "expected object, got " + (0, reflect_check_js_1.formatVal)(json));
        }
        const record = message[localName];
        const seen = /* @__PURE__ */ new Set();
        const jsonMapKeys = Object.keys(json);
        for (let i = 0; i < jsonMapKeys.length; i++) {
          const jsonMapKey = jsonMapKeys[i];
          const jsonMapValue = json[jsonMapKey];
          const key = parseMapKey(jsonMapKey);
          if (seen.has(key)) {
            throw new error_js_1.FieldError(field, `duplicate map key "${jsonMapKey}"`);
          }
          seen.add(key);
          if (jsonMapValue === null && nullResets) {
            throw new error_js_1.FieldError(field, "map value must not be null");
          }
          const value = parseValue(jsonMapValue, ctx);
          if (value === tokenIgnoredUnknownEnum) {
            continue;
          }
          const checkKey = checkMapKey(key);
          if (checkKey !== true) {
            throw new error_js_1.FieldError(field, `invalid map key: ${(0, reflect_check_js_1.reasonSingular)({ scalar: mapKey }, key, checkKey)}`);
          }
          if (checkValue !== void 0) {
            const check = checkValue(value);
            if (check !== true) {
              throw new error_js_1.FieldError(field, `map entry ${(0, reflect_check_js_1.formatVal)(key)}: ${(0, reflect_check_js_1.reasonSingular)(field, value, check)}`);
            }
          }
          (0, unsafe_js_1.setOwn)(record, key, toLocalValue(value));
        }
      };
    }
    var tokenIgnoredUnknownEnum = /* @__PURE__ */ Symbol();
    function compileEnumConverter(desc) {
      const zero = desc.values[0].number;
      const numbers = /* @__PURE__ */ new Map();
      for (const value of desc.values) {
        numbers.set(value.jsonName, value.number);
      }
      for (const value of desc.values) {
        numbers.set(value.name, value.number);
      }
      return (json, ignoreUnknownFields) => {
        if (json === null) {
          return zero;
        }
        switch (typeof json) {
          case "number":
            if (Number.isInteger(json)) {
              return json;
            }
            break;
          case "string": {
            const number = numbers.get(json);
            if (number !== void 0) {
              return number;
            }
            if (ignoreUnknownFields) {
              return tokenIgnoredUnknownEnum;
            }
            break;
          }
        }
        throw new Error(`cannot decode ${desc} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      };
    }
    function compileEnumCheck(desc) {
      if (desc.open) {
        return (0, reflect_check_js_1.checkScalarValue)(descriptors_js_1.ScalarType.INT32);
      }
      const values = desc.values;
      return (value) => values.some((v) => v.number === value);
    }
    function compileScalarConverter(field) {
      const parseScalar = compileScalarParse(field);
      const checkValue = (0, reflect_check_js_1.checkScalarValue)(field.scalar);
      const toLocal = compileScalarToLocal(field);
      return (json) => {
        const value = parseScalar(json);
        const check = checkValue(value);
        if (check !== true) {
          throw new error_js_1.FieldError(field, (0, reflect_check_js_1.reasonSingular)(field, value, check));
        }
        return toLocal(value);
      };
    }
    function compileScalarParse(field) {
      switch (field.scalar) {
        // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
        // Either numbers or strings are accepted. Exponent notation is also accepted.
        case descriptors_js_1.ScalarType.DOUBLE:
        case descriptors_js_1.ScalarType.FLOAT:
          return (json) => {
            if (json === "NaN")
              return NaN;
            if (json === "Infinity")
              return Number.POSITIVE_INFINITY;
            if (json === "-Infinity")
              return Number.NEGATIVE_INFINITY;
            if (typeof json == "number") {
              if (Number.isNaN(json)) {
                throw new error_js_1.FieldError(field, "unexpected NaN number");
              }
              if (!Number.isFinite(json)) {
                throw new error_js_1.FieldError(field, "unexpected infinite number");
              }
              return json;
            }
            if (typeof json == "string") {
              if (json === "") {
                return json;
              }
              if (json.trim().length !== json.length) {
                return json;
              }
              const float = Number(json);
              if (!Number.isFinite(float)) {
                return json;
              }
              return float;
            }
            return json;
          };
        // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32:
        case descriptors_js_1.ScalarType.UINT32:
          return int32FromJson;
        // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
        // Either standard or URL-safe base64 encoding with/without paddings are accepted.
        case descriptors_js_1.ScalarType.BYTES:
          return (json) => {
            if (typeof json == "string") {
              if (json === "") {
                return new Uint8Array(0);
              }
              try {
                return (0, base64_encoding_js_1.base64Decode)(json);
              } catch (e) {
                const message = e instanceof Error ? e.message : String(e);
                throw new error_js_1.FieldError(field, message);
              }
            }
            return json;
          };
        // int64, sfixed64, sint64, fixed64, uint64: The validation step accepts
        // string and number. string, bool: no conversion.
        default:
          return (json) => json;
      }
    }
    function compileScalarToLocal(field) {
      const longAsString = field.fieldKind !== "map" && field.longAsString;
      switch (field.scalar) {
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.SINT64:
          if (longAsString) {
            return (value) => String(value);
          }
          return (value) => typeof value == "string" || typeof value == "number" ? proto_int64_js_1.protoInt64.parse(value) : value;
        case descriptors_js_1.ScalarType.FIXED64:
        case descriptors_js_1.ScalarType.UINT64:
          if (longAsString) {
            return (value) => String(value);
          }
          return (value) => typeof value == "string" || typeof value == "number" ? proto_int64_js_1.protoInt64.uParse(value) : value;
        default:
          return (value) => value;
      }
    }
    function compileMapKeyParse(type) {
      switch (type) {
        case descriptors_js_1.ScalarType.BOOL:
          return (jsonString) => {
            switch (jsonString) {
              case "true":
                return true;
              case "false":
                return false;
            }
            return jsonString;
          };
        case descriptors_js_1.ScalarType.INT32:
        case descriptors_js_1.ScalarType.FIXED32:
        case descriptors_js_1.ScalarType.UINT32:
        case descriptors_js_1.ScalarType.SFIXED32:
        case descriptors_js_1.ScalarType.SINT32:
          return int32FromJson;
        case descriptors_js_1.ScalarType.INT64:
        case descriptors_js_1.ScalarType.SINT64:
        case descriptors_js_1.ScalarType.SFIXED64:
        case descriptors_js_1.ScalarType.UINT64:
        case descriptors_js_1.ScalarType.FIXED64:
          return (jsonString) => /^-?0+$/.test(jsonString) ? "0" : jsonString.replace(/^(-?)0+(?=\d)/, "$1");
        default:
          return (jsonString) => jsonString;
      }
    }
    function int32FromJson(json) {
      if (typeof json == "string") {
        if (json === "") {
          return json;
        }
        if (json.trim().length !== json.length) {
          return json;
        }
        const num = Number(json);
        if (Number.isNaN(num)) {
          return json;
        }
        return num;
      }
      return json;
    }
    function parseJsonString(jsonString, typeName) {
      let json;
      try {
        json = JSON.parse(jsonString);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(
          `cannot decode message ${typeName} from JSON: ${message}`,
          // @ts-expect-error we use the ES2022 error CTOR option "cause" for better stack traces
          { cause: e }
        );
      }
      checkDuplicateKeys(jsonString, typeName);
      return json;
    }
    function checkDuplicateKeys(jsonString, typeName) {
      const stack = [];
      let expectKey = false;
      let i = 0;
      while (i < jsonString.length) {
        switch (jsonString[i]) {
          case "{":
            stack.push(/* @__PURE__ */ new Set());
            expectKey = true;
            i++;
            break;
          case "[":
            stack.push(null);
            expectKey = false;
            i++;
            break;
          case "}":
          case "]":
            stack.pop();
            expectKey = false;
            i++;
            break;
          case ",":
            expectKey = stack[stack.length - 1] != null;
            i++;
            break;
          case ":":
            expectKey = false;
            i++;
            break;
          case '"': {
            const open = i++;
            let escaped = false;
            while (i < jsonString.length) {
              if (jsonString[i] == "\\") {
                escaped = true;
                i += 2;
                continue;
              }
              if (jsonString[i] == '"') {
                break;
              }
              i++;
            }
            const close = i++;
            const seen = stack[stack.length - 1];
            if (expectKey && seen) {
              const name = escaped ? JSON.parse(jsonString.substring(open, close + 1)) : jsonString.substring(open + 1, close);
              if (seen.has(name)) {
                throw new Error(`cannot decode message ${typeName} from JSON: duplicate object key "${name}"`);
              }
              seen.add(name);
            }
            expectKey = false;
            break;
          }
          default:
            i++;
            break;
        }
      }
    }
    function anyFromJson(any, json, ctx) {
      var _a;
      if (json === null || Array.isArray(json) || typeof json != "object") {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: expected object but got ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      if (Object.keys(json).length == 0) {
        return;
      }
      const typeUrl = json["@type"];
      if (typeof typeUrl != "string" || typeUrl == "") {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is empty`);
      }
      const typeName = typeUrl.includes("/") ? typeUrl.substring(typeUrl.lastIndexOf("/") + 1) : typeUrl;
      if (!typeName.length) {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is invalid`);
      }
      const desc = (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getMessage(typeName);
      if (!desc) {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: ${typeUrl} is not in the type registry`);
      }
      const message = (0, create_js_1.create)(desc);
      if ((0, index_js_1.hasCustomJsonRepresentation)(desc) && Object.prototype.hasOwnProperty.call(json, "value")) {
        compiledReader2(desc)(message, json.value, ctx);
      } else {
        const copy = {};
        for (const key of Object.keys(json)) {
          if (key !== "@type") {
            (0, unsafe_js_1.setOwn)(copy, key, json[key]);
          }
        }
        compiledReader2(desc)(message, copy, ctx);
      }
      (0, index_js_1.anyPack)(desc, message, any);
    }
    function timestampFromJson(timestamp, json) {
      if (typeof json !== "string") {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      const matches = json.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:Z|([+-][0-9][0-9]:[0-9][0-9]))$/);
      if (!matches) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
      }
      const ms = Date.parse(
        // biome-ignore format: want this to read well
        matches[1] + "-" + matches[2] + "-" + matches[3] + "T" + matches[4] + ":" + matches[5] + ":" + matches[6] + (matches[8] ? matches[8] : "Z")
      );
      if (Number.isNaN(ms)) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
      }
      if (ms < json_js_1.timestampMsMin || ms > json_js_1.timestampMsMax) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
      }
      timestamp.seconds = proto_int64_js_1.protoInt64.parse(ms / 1e3);
      timestamp.nanos = 0;
      if (matches[7]) {
        timestamp.nanos = parseInt("1" + matches[7] + "0".repeat(9 - matches[7].length)) - 1e9;
      }
    }
    function durationFromJson(duration, json) {
      if (typeof json !== "string") {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      const match = json.match(/^(-?[0-9]+)(?:\.([0-9]+))?s/);
      if (match === null) {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      const longSeconds = Number(match[1]);
      if (longSeconds > json_js_1.durationSecondsMax || longSeconds < json_js_1.durationSecondsMin) {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      duration.seconds = proto_int64_js_1.protoInt64.parse(longSeconds);
      if (typeof match[2] !== "string") {
        return;
      }
      const nanosStr = match[2] + "0".repeat(9 - match[2].length);
      duration.nanos = parseInt(nanosStr);
      if (longSeconds < 0 || Object.is(longSeconds, -0)) {
        duration.nanos = -duration.nanos;
      }
    }
    function fieldMaskFromJson(fieldMask, json) {
      if (typeof json !== "string") {
        throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      if (json === "") {
        return;
      }
      fieldMask.paths = json.split(",").map((path) => {
        if (path.includes("_")) {
          throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: path names must be lowerCamelCase`);
        }
        return (0, names_js_1.protoSnakeCase)(path);
      });
    }
    function structFromJson(struct, json, ctx) {
      if (typeof json != "object" || json == null || Array.isArray(json)) {
        throw new Error(`cannot decode message ${struct.$typeName} from JSON ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      const keys = Object.keys(json);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const parsedValue = (0, create_js_1.create)(index_js_1.ValueSchema);
        valueFromJson(parsedValue, json[key], ctx);
        (0, unsafe_js_1.setOwn)(struct.fields, key, parsedValue);
      }
    }
    function valueFromJson(value, json, ctx) {
      if (++ctx.depth > ctx.recursionLimit) {
        throw new Error(`cannot decode ${value.$typeName} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
      }
      switch (typeof json) {
        case "number":
          value.kind = { case: "numberValue", value: json };
          break;
        case "string":
          value.kind = { case: "stringValue", value: json };
          break;
        case "boolean":
          value.kind = { case: "boolValue", value: json };
          break;
        case "object":
          if (json === null) {
            value.kind = { case: "nullValue", value: index_js_1.NullValue.NULL_VALUE };
          } else if (Array.isArray(json)) {
            const listValue = (0, create_js_1.create)(index_js_1.ListValueSchema);
            listValueFromJson(listValue, json, ctx);
            value.kind = { case: "listValue", value: listValue };
          } else {
            const struct = (0, create_js_1.create)(index_js_1.StructSchema);
            structFromJson(struct, json, ctx);
            value.kind = { case: "structValue", value: struct };
          }
          break;
        default:
          throw new Error(`cannot decode message ${value.$typeName} from JSON ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      ctx.depth--;
      return value;
    }
    function listValueFromJson(listValue, json, ctx) {
      if (!Array.isArray(json)) {
        throw new Error(`cannot decode message ${listValue.$typeName} from JSON ${(0, reflect_check_js_1.formatVal)(json)}`);
      }
      for (let i = 0; i < json.length; i++) {
        const value = (0, create_js_1.create)(index_js_1.ValueSchema);
        valueFromJson(value, json[i], ctx);
        listValue.values.push(value);
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/merge.js
var require_merge = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/merge.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.merge = merge;
    var reflect_js_1 = require_reflect();
    function merge(schema, target, source) {
      reflectMerge((0, reflect_js_1.reflect)(schema, target), (0, reflect_js_1.reflect)(schema, source));
    }
    function reflectMerge(target, source) {
      var _a;
      var _b;
      const sourceUnknown = source.message.$unknown;
      if (sourceUnknown !== void 0 && sourceUnknown.length > 0) {
        (_a = (_b = target.message).$unknown) !== null && _a !== void 0 ? _a : _b.$unknown = [];
        target.message.$unknown.push(...sourceUnknown);
      }
      for (const f of target.fields) {
        if (!source.isSet(f)) {
          continue;
        }
        switch (f.fieldKind) {
          case "scalar":
          case "enum":
            target.set(f, source.get(f));
            break;
          case "message":
            if (target.isSet(f)) {
              reflectMerge(target.get(f), source.get(f));
            } else {
              target.set(f, source.get(f));
            }
            break;
          case "list":
            const list = target.get(f);
            for (const e of source.get(f)) {
              list.add(e);
            }
            break;
          case "map":
            const map = target.get(f);
            for (const [k, v] of source.get(f)) {
              map.set(k, v);
            }
            break;
        }
      }
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/unknown-enum.js
var require_unknown_enum = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/unknown-enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isUnknownEnum = isUnknownEnum;
    function isUnknownEnum(desc, value) {
      return desc.value[value] === void 0;
    }
  }
});

// node_modules/@bufbuild/protobuf/dist/cjs/index.js
var require_cjs = __commonJS({
  "node_modules/@bufbuild/protobuf/dist/cjs/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getOption = exports.hasOption = exports.clearExtension = exports.setExtension = exports.getExtension = exports.hasExtension = exports.mergeFromBinary = exports.fromBinary = exports.toBinary = exports.maximumEdition = exports.minimumEdition = exports.createFileRegistry = exports.createMutableRegistry = exports.createRegistry = void 0;
    __exportStar(require_types(), exports);
    __exportStar(require_is_message(), exports);
    __exportStar(require_create(), exports);
    __exportStar(require_clone(), exports);
    __exportStar(require_descriptors(), exports);
    __exportStar(require_equals(), exports);
    __exportStar(require_fields(), exports);
    var registry_js_1 = require_registry();
    Object.defineProperty(exports, "createRegistry", { enumerable: true, get: function() {
      return registry_js_1.createRegistry;
    } });
    Object.defineProperty(exports, "createMutableRegistry", { enumerable: true, get: function() {
      return registry_js_1.createMutableRegistry;
    } });
    Object.defineProperty(exports, "createFileRegistry", { enumerable: true, get: function() {
      return registry_js_1.createFileRegistry;
    } });
    Object.defineProperty(exports, "minimumEdition", { enumerable: true, get: function() {
      return registry_js_1.minimumEdition;
    } });
    Object.defineProperty(exports, "maximumEdition", { enumerable: true, get: function() {
      return registry_js_1.maximumEdition;
    } });
    var to_binary_js_1 = require_to_binary();
    Object.defineProperty(exports, "toBinary", { enumerable: true, get: function() {
      return to_binary_js_1.toBinary;
    } });
    var from_binary_js_1 = require_from_binary();
    Object.defineProperty(exports, "fromBinary", { enumerable: true, get: function() {
      return from_binary_js_1.fromBinary;
    } });
    Object.defineProperty(exports, "mergeFromBinary", { enumerable: true, get: function() {
      return from_binary_js_1.mergeFromBinary;
    } });
    __exportStar(require_to_json(), exports);
    __exportStar(require_from_json(), exports);
    __exportStar(require_merge(), exports);
    var extensions_js_1 = require_extensions();
    Object.defineProperty(exports, "hasExtension", { enumerable: true, get: function() {
      return extensions_js_1.hasExtension;
    } });
    Object.defineProperty(exports, "getExtension", { enumerable: true, get: function() {
      return extensions_js_1.getExtension;
    } });
    Object.defineProperty(exports, "setExtension", { enumerable: true, get: function() {
      return extensions_js_1.setExtension;
    } });
    Object.defineProperty(exports, "clearExtension", { enumerable: true, get: function() {
      return extensions_js_1.clearExtension;
    } });
    Object.defineProperty(exports, "hasOption", { enumerable: true, get: function() {
      return extensions_js_1.hasOption;
    } });
    Object.defineProperty(exports, "getOption", { enumerable: true, get: function() {
      return extensions_js_1.getOption;
    } });
    __exportStar(require_proto_int64(), exports);
    __exportStar(require_unknown_enum(), exports);
  }
});

// node_modules/@connectrpc/connect/dist/esm/code.js
var Code;
(function(Code2) {
  Code2[Code2["Canceled"] = 1] = "Canceled";
  Code2[Code2["Unknown"] = 2] = "Unknown";
  Code2[Code2["InvalidArgument"] = 3] = "InvalidArgument";
  Code2[Code2["DeadlineExceeded"] = 4] = "DeadlineExceeded";
  Code2[Code2["NotFound"] = 5] = "NotFound";
  Code2[Code2["AlreadyExists"] = 6] = "AlreadyExists";
  Code2[Code2["PermissionDenied"] = 7] = "PermissionDenied";
  Code2[Code2["ResourceExhausted"] = 8] = "ResourceExhausted";
  Code2[Code2["FailedPrecondition"] = 9] = "FailedPrecondition";
  Code2[Code2["Aborted"] = 10] = "Aborted";
  Code2[Code2["OutOfRange"] = 11] = "OutOfRange";
  Code2[Code2["Unimplemented"] = 12] = "Unimplemented";
  Code2[Code2["Internal"] = 13] = "Internal";
  Code2[Code2["Unavailable"] = 14] = "Unavailable";
  Code2[Code2["DataLoss"] = 15] = "DataLoss";
  Code2[Code2["Unauthenticated"] = 16] = "Unauthenticated";
})(Code || (Code = {}));

// node_modules/@connectrpc/connect/dist/esm/connect-error.js
var import_protobuf = __toESM(require_cjs(), 1);

// node_modules/@connectrpc/connect/dist/esm/protocol-connect/code-string.js
function codeToString(value) {
  const name = Code[value];
  if (typeof name != "string") {
    return value.toString();
  }
  return name[0].toLowerCase() + name.substring(1).replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
}

// node_modules/@connectrpc/connect/dist/esm/connect-error.js
var ConnectError = class _ConnectError extends Error {
  /**
   * Create a new ConnectError.
   * If no code is provided, code "unknown" is used.
   * Outgoing details are only relevant for the server side - a service may
   * raise an error with details, and it is up to the protocol implementation
   * to encode and send the details along with the error.
   */
  constructor(message, code = Code.Unknown, metadata, outgoingDetails, cause) {
    super(createMessage(message, code));
    this.name = "ConnectError";
    this.isWireError = false;
    Object.setPrototypeOf(this, new.target.prototype);
    this.rawMessage = message;
    this.code = code;
    this.metadata = new Headers(metadata !== null && metadata !== void 0 ? metadata : {});
    this.details = outgoingDetails !== null && outgoingDetails !== void 0 ? outgoingDetails : [];
    this.cause = cause;
  }
  /**
   * Convert any value - typically a caught error into a ConnectError,
   * following these rules:
   * - If the value is already a ConnectError, return it as is.
   * - If the value is an AbortError or TimeoutError from the fetch API, return
   *   the message of the error with code Canceled.
   * - For other Errors, return the error message with code Unknown by default.
   * - For other values, return the values String representation as a message,
   *   with the code Unknown by default.
   * The original value will be used for the "cause" property for the new
   * ConnectError.
   */
  static from(reason, code = Code.Unknown) {
    if (reason instanceof _ConnectError) {
      return reason;
    }
    if (reason instanceof Error) {
      if (reason.name == "AbortError" || reason.name == "TimeoutError") {
        return new _ConnectError(reason.message, Code.Canceled);
      }
      return new _ConnectError(reason.message, code, void 0, void 0, reason);
    }
    return new _ConnectError(String(reason), code, void 0, void 0, reason);
  }
  static [Symbol.hasInstance](v) {
    if (!(v instanceof Error)) {
      return false;
    }
    if (Object.getPrototypeOf(v) === _ConnectError.prototype) {
      return true;
    }
    return v.name === "ConnectError" && "code" in v && typeof v.code === "number" && "metadata" in v && "details" in v && Array.isArray(v.details) && "rawMessage" in v && typeof v.rawMessage == "string" && "cause" in v;
  }
  findDetails(typeOrRegistry) {
    const registry = typeOrRegistry.kind === "message" ? {
      getMessage: (typeName) => typeName === typeOrRegistry.typeName ? typeOrRegistry : void 0
    } : typeOrRegistry;
    const details = [];
    for (const data of this.details) {
      if ("desc" in data) {
        if (registry.getMessage(data.desc.typeName)) {
          details.push((0, import_protobuf.create)(data.desc, data.value));
        }
        continue;
      }
      const desc = registry.getMessage(data.type);
      if (desc) {
        try {
          details.push((0, import_protobuf.fromBinary)(desc, data.value));
        } catch (_) {
        }
      }
    }
    return details;
  }
};
function createMessage(message, code) {
  return message.length ? `[${codeToString(code)}] ${message}` : `[${codeToString(code)}]`;
}

// node_modules/@connectrpc/connect/dist/esm/http-headers.js
var import_protobuf2 = __toESM(require_cjs(), 1);

// node_modules/@bufbuild/protobuf/dist/esm/wire/varint.js
function varint64read() {
  const buf = this.buf;
  let pos = this.pos;
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    const b = buf[pos++];
    lo |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  const middleByte = buf[pos++];
  lo |= (middleByte & 15) << 28;
  hi = (middleByte & 112) >> 4;
  if ((middleByte & 128) == 0) {
    this.pos = pos;
    this.assertBounds();
    this.varint64Lo = lo;
    this.varint64Hi = hi;
    return;
  }
  for (let shift = 3; shift <= 31; shift += 7) {
    const b = buf[pos++];
    hi |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  throw new Error("invalid varint");
}
var TWO_PWR_32_DBL = 4294967296;
function int64FromString(dec) {
  const minus = dec[0] === "-";
  if (minus) {
    dec = dec.slice(1);
  }
  const base = 1e6;
  let lowBits = 0;
  let highBits = 0;
  function add1e6digit(begin, end) {
    const digit1e6 = Number(dec.slice(begin, end));
    highBits *= base;
    lowBits = lowBits * base + digit1e6;
    if (lowBits >= TWO_PWR_32_DBL) {
      highBits = highBits + (lowBits / TWO_PWR_32_DBL | 0);
      lowBits = lowBits % TWO_PWR_32_DBL;
    }
  }
  add1e6digit(-24, -18);
  add1e6digit(-18, -12);
  add1e6digit(-12, -6);
  add1e6digit(-6);
  return minus ? negate(lowBits, highBits) : newBits(lowBits, highBits);
}
function int64ToString(lo, hi) {
  let bits = newBits(lo, hi);
  const negative = bits.hi & 2147483648;
  if (negative) {
    bits = negate(bits.lo, bits.hi);
  }
  const result = uInt64ToString(bits.lo, bits.hi);
  return negative ? "-" + result : result;
}
function uInt64ToString(lo, hi) {
  ({ lo, hi } = toUnsigned(lo, hi));
  if (hi <= 2097151) {
    return String(TWO_PWR_32_DBL * hi + lo);
  }
  const low = lo & 16777215;
  const mid = (lo >>> 24 | hi << 8) & 16777215;
  const high = hi >> 16 & 65535;
  let digitA = low + mid * 6777216 + high * 6710656;
  let digitB = mid + high * 8147497;
  let digitC = high * 2;
  const base = 1e7;
  if (digitA >= base) {
    digitB += Math.floor(digitA / base);
    digitA %= base;
  }
  if (digitB >= base) {
    digitC += Math.floor(digitB / base);
    digitB %= base;
  }
  return digitC.toString() + decimalFrom1e7WithLeadingZeros(digitB) + decimalFrom1e7WithLeadingZeros(digitA);
}
function toUnsigned(lo, hi) {
  return { lo: lo >>> 0, hi: hi >>> 0 };
}
function newBits(lo, hi) {
  return { lo: lo | 0, hi: hi | 0 };
}
function negate(lowBits, highBits) {
  highBits = ~highBits;
  if (lowBits) {
    lowBits = ~lowBits + 1;
  } else {
    highBits += 1;
  }
  return newBits(lowBits, highBits);
}
var decimalFrom1e7WithLeadingZeros = (digit1e7) => {
  const partial = String(digit1e7);
  return "0000000".slice(partial.length) + partial;
};
function varint32write(value, bytes) {
  if (value >>> 0 < 128) {
    bytes.push(value);
    return;
  }
  if (value >= 0) {
    while (value > 127) {
      bytes.push(value & 127 | 128);
      value = value >>> 7;
    }
    bytes.push(value);
  } else {
    for (let i = 0; i < 9; i++) {
      bytes.push(value & 127 | 128);
      value = value >> 7;
    }
    bytes.push(1);
  }
}
function varint32read() {
  let b = this.buf[this.pos++];
  if ((b & 128) === 0) {
    this.assertBounds();
    return b;
  }
  let result = b & 127;
  b = this.buf[this.pos++];
  result |= (b & 127) << 7;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 14;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 21;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 15) << 28;
  for (let readBytes = 5; (b & 128) !== 0 && readBytes < 10; readBytes++)
    b = this.buf[this.pos++];
  if ((b & 128) !== 0)
    throw new Error("invalid varint");
  this.assertBounds();
  return result >>> 0;
}

// node_modules/@bufbuild/protobuf/dist/esm/proto-int64.js
var protoInt64 = /* @__PURE__ */ makeInt64Support();
function makeInt64Support() {
  const dv = new DataView(new ArrayBuffer(8));
  const ok = typeof BigInt === "function" && typeof dv.getBigInt64 === "function" && typeof dv.getBigUint64 === "function" && typeof dv.setBigInt64 === "function" && typeof dv.setBigUint64 === "function" && (!!globalThis.Deno || !!globalThis.Bun || typeof process != "object" || typeof process.env != "object" || process.env.BUF_BIGINT_DISABLE !== "1");
  if (ok) {
    const MIN = BigInt("-9223372036854775808");
    const MAX = BigInt("9223372036854775807");
    const UMIN = BigInt("0");
    const UMAX = BigInt("18446744073709551615");
    return {
      zero: BigInt(0),
      supported: true,
      parse(value) {
        const bi = typeof value == "bigint" ? value : BigInt(value);
        if (bi > MAX || bi < MIN) {
          throw new Error(`invalid int64: ${value}`);
        }
        return bi;
      },
      uParse(value) {
        const bi = typeof value == "bigint" ? value : BigInt(value);
        if (bi > UMAX || bi < UMIN) {
          throw new Error(`invalid uint64: ${value}`);
        }
        return bi;
      },
      enc(value) {
        dv.setBigInt64(0, this.parse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true)
        };
      },
      uEnc(value) {
        dv.setBigInt64(0, this.uParse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true)
        };
      },
      dec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigInt64(0, true);
      },
      uDec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigUint64(0, true);
      }
    };
  }
  return {
    zero: "0",
    supported: false,
    parse(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertInt64String(value);
      return value;
    },
    uParse(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertUInt64String(value);
      return value;
    },
    enc(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertInt64String(value);
      return int64FromString(value);
    },
    uEnc(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertUInt64String(value);
      return int64FromString(value);
    },
    dec(lo, hi) {
      return int64ToString(lo, hi);
    },
    uDec(lo, hi) {
      return uInt64ToString(lo, hi);
    }
  };
}
function assertInt64String(value) {
  if (!/^-?[0-9]+$/.test(value)) {
    throw new Error("invalid int64: " + value);
  }
}
function assertUInt64String(value) {
  if (!/^[0-9]+$/.test(value)) {
    throw new Error("invalid uint64: " + value);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/text-encoding.js
var te;
function configureTextEncoding(textEncoding) {
  var _a;
  te = Object.assign(Object.assign({}, textEncoding), { encodeUtf8Into: (_a = textEncoding.encodeUtf8Into) !== null && _a !== void 0 ? _a : emulateEncodeInto(textEncoding.encodeUtf8.bind(textEncoding)) });
}
function getTextEncoding() {
  if (!te) {
    const globals = globalThis;
    if (!globals.TextEncoder || !globals.TextDecoder) {
      throw new Error("encoding API missing: install TextEncoder and TextDecoder on globalThis");
    }
    const textEncoder = new globals.TextEncoder();
    const textDecoder = new globals.TextDecoder("utf-8", {
      ignoreBOM: true
    });
    let textDecoderStrict;
    const config = {
      encodeUtf8(text) {
        return textEncoder.encode(text);
      },
      decodeUtf8(bytes, strict) {
        if (strict) {
          if (!textDecoderStrict) {
            textDecoderStrict = new globals.TextDecoder("utf-8", {
              fatal: true,
              ignoreBOM: true
            });
          }
          return textDecoderStrict.decode(bytes);
        }
        return textDecoder.decode(bytes);
      },
      checkUtf8(text) {
        try {
          encodeURIComponent(text);
          return true;
        } catch (_) {
          return false;
        }
      }
    };
    if (textEncoder.encodeInto) {
      config.encodeUtf8Into = textEncoder.encodeInto.bind(textEncoder);
    }
    const nativeStringIsWellFormed = String.prototype.isWellFormed;
    if (nativeStringIsWellFormed) {
      config.checkUtf8 = (text) => {
        return nativeStringIsWellFormed.call(text);
      };
    }
    configureTextEncoding(config);
  }
  return te;
}
function emulateEncodeInto(encodeUtf8) {
  return (text, dest) => {
    const bytes = encodeUtf8(text);
    dest.set(bytes);
    return { written: bytes.byteLength };
  };
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js
var WireType;
(function(WireType2) {
  WireType2[WireType2["Varint"] = 0] = "Varint";
  WireType2[WireType2["Bit64"] = 1] = "Bit64";
  WireType2[WireType2["LengthDelimited"] = 2] = "LengthDelimited";
  WireType2[WireType2["StartGroup"] = 3] = "StartGroup";
  WireType2[WireType2["EndGroup"] = 4] = "EndGroup";
  WireType2[WireType2["Bit32"] = 5] = "Bit32";
})(WireType || (WireType = {}));
var EMPTY_BUFFER = new Uint8Array(0);
var EMPTY_VIEW = new DataView(EMPTY_BUFFER.buffer);
var ASCII_MAX_LENGTH = 32;
var BinaryReader = class {
  constructor(buf, decodeUtf8 = getTextEncoding().decodeUtf8) {
    this.decodeUtf8 = decodeUtf8;
    this.varint64Lo = 0;
    this.varint64Hi = 0;
    this.varint64 = varint64read;
    this.uint32 = varint32read;
    this.buf = buf;
    this.len = buf.length;
    this.pos = 0;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  /**
   * Reads a tag - field number and wire type. Tags are uint32 varints; values
   * that do not fit in uint32 are rejected.
   */
  tag() {
    const start = this.pos;
    const tag = this.uint32();
    const bytesRead = this.pos - start;
    if (bytesRead > 5 || bytesRead == 5 && this.buf[this.pos - 1] > 15) {
      throw new Error("illegal tag: varint overflows uint32");
    }
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo <= 0 || wireType > 5) {
      throw new Error("illegal tag: field no " + fieldNo + " wire type " + wireType);
    }
    return [fieldNo, wireType];
  }
  /**
   * Skip one element and return the skipped data.
   *
   * When skipping StartGroup, provide the tags field number to check for
   * matching field number in the EndGroup tag. Recursion into nested groups
   * is guarded by the `recursionLimit` argument: When the limit is reached,
   * this method throws.
   */
  skip(wireType, fieldNo, recursionLimit = 100) {
    let start = this.pos;
    switch (wireType) {
      case WireType.Varint:
        while (this.buf[this.pos++] & 128) {
        }
        break;
      // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
      case WireType.Bit64:
        this.pos += 4;
      case WireType.Bit32:
        this.pos += 4;
        break;
      case WireType.LengthDelimited:
        let len = this.uint32();
        this.pos += len;
        break;
      case WireType.StartGroup:
        if (recursionLimit <= 0) {
          throw new Error("maximum recursion depth reached");
        }
        for (; ; ) {
          const [fn, wt] = this.tag();
          if (wt === WireType.EndGroup) {
            if (fieldNo !== void 0 && fn !== fieldNo) {
              throw new Error("invalid end group tag");
            }
            break;
          }
          this.skip(wt, fn, recursionLimit - 1);
        }
        break;
      default:
        throw new Error("cant skip wire type " + wireType);
    }
    this.assertBounds();
    return this.buf.subarray(start, this.pos);
  }
  /**
   * Throws error if position in byte array is out of range.
   */
  assertBounds() {
    if (this.pos > this.len)
      throw new RangeError("premature EOF");
  }
  /**
   * Read a `int32` field, a signed 32 bit varint.
   */
  int32() {
    return this.uint32() | 0;
  }
  /**
   * Read a `sint32` field, a signed, zigzag-encoded 32-bit varint.
   */
  sint32() {
    let zze = this.uint32();
    return zze >>> 1 ^ -(zze & 1);
  }
  /**
   * Read a `int64` field, a signed 64-bit varint.
   */
  int64() {
    this.varint64();
    return protoInt64.dec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `uint64` field, an unsigned 64-bit varint.
   */
  uint64() {
    this.varint64();
    return protoInt64.uDec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `sint64` field, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64() {
    this.varint64();
    let lo = this.varint64Lo;
    let hi = this.varint64Hi;
    let s = -(lo & 1);
    lo = (lo >>> 1 | (hi & 1) << 31) ^ s;
    hi = hi >>> 1 ^ s;
    return protoInt64.dec(lo, hi);
  }
  /**
   * Read a `bool` field, a variant.
   */
  bool() {
    const b = this.buf[this.pos];
    if (b < 128) {
      this.pos++;
      return b !== 0;
    }
    this.varint64();
    return this.varint64Lo !== 0 || this.varint64Hi !== 0;
  }
  /**
   * Read a `fixed32` field, an unsigned, fixed-length 32-bit integer.
   */
  fixed32() {
    return this.view.getUint32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `sfixed32` field, a signed, fixed-length 32-bit integer.
   */
  sfixed32() {
    return this.view.getInt32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `fixed64` field, an unsigned, fixed-length 64 bit integer.
   */
  fixed64() {
    return protoInt64.uDec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `fixed64` field, a signed, fixed-length 64-bit integer.
   */
  sfixed64() {
    return protoInt64.dec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `float` field, 32-bit floating point number.
   */
  float() {
    return this.view.getFloat32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `double` field, a 64-bit floating point number.
   */
  double() {
    return this.view.getFloat64((this.pos += 8) - 8, true);
  }
  /**
   * Read a `bytes` field, length-delimited arbitrary data.
   */
  bytes() {
    let len = this.uint32(), start = this.pos;
    this.pos += len;
    this.assertBounds();
    return this.buf.subarray(start, start + len);
  }
  /**
   * Read a `string` field, length-delimited data converted to UTF-8 text. If
   * `strict` is true, throw on invalid UTF-8 instead of substituting U+FFFD.
   */
  string(strict) {
    const len = this.uint32();
    const start = this.pos;
    this.pos += len;
    this.assertBounds();
    const buf = this.buf;
    if (len <= ASCII_MAX_LENGTH) {
      const codes = new Array(len);
      for (let i = 0; i < len; i++) {
        const byte = buf[start + i];
        if (byte > 127) {
          return this.decodeUtf8(buf.subarray(start, this.pos), strict);
        }
        codes[i] = byte;
      }
      return String.fromCharCode.apply(String, codes);
    }
    return this.decodeUtf8(buf.subarray(start, this.pos), strict);
  }
};

// node_modules/@bufbuild/protobuf/dist/esm/wire/base64-encoding.js
var nativeSetFromBase64 = Uint8Array.prototype.setFromBase64;
function base64Decode(base64Str) {
  const len = base64Str.length;
  let size = len - (len + 3 >> 2);
  if ((len & 3) == 0 && base64Str[len - 1] == "=") {
    size -= base64Str[len - 2] == "=" ? 2 : 1;
  }
  const bytes = new Uint8Array(size);
  let written = -1;
  if (nativeSetFromBase64) {
    try {
      const result = nativeSetFromBase64.call(bytes, base64Str);
      if (result.read == len) {
        written = result.written;
      }
    } catch (_a) {
    }
  }
  if (written < 0) {
    written = setFromBase64(bytes, base64Str);
  }
  return written == size ? bytes : bytes.subarray(0, written);
}
function setFromBase64(bytes, base64Str) {
  const table = getDecodeTable();
  let bytePos = 0, groupPos = 0, b, p = 0;
  for (let i = 0; i < base64Str.length; i++) {
    b = table[base64Str.charCodeAt(i)];
    if (b === void 0) {
      switch (base64Str[i]) {
        // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
        case "=":
          groupPos = 0;
        // reset state when padding found
        case "\n":
        case "\r":
        case "	":
        case " ":
          continue;
        // skip white-space, and padding
        default:
          throw Error("invalid base64 string");
      }
    }
    switch (groupPos) {
      case 0:
        p = b;
        groupPos = 1;
        break;
      case 1:
        bytes[bytePos++] = p << 2 | (b & 48) >> 4;
        p = b;
        groupPos = 2;
        break;
      case 2:
        bytes[bytePos++] = (p & 15) << 4 | (b & 60) >> 2;
        p = b;
        groupPos = 3;
        break;
      case 3:
        bytes[bytePos++] = (p & 3) << 6 | b;
        groupPos = 0;
        break;
    }
  }
  if (groupPos == 1)
    throw Error("invalid base64 string");
  return bytePos;
}
var nativeToBase64 = Uint8Array.prototype.toBase64;
var encodeTableStd;
var encodeTableUrl;
var decodeTable;
function getEncodeTable(encoding) {
  if (!encodeTableStd) {
    encodeTableStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
    encodeTableUrl = encodeTableStd.slice(0, -2).concat("-", "_");
  }
  return encoding == "url" ? (
    // biome-ignore lint/style/noNonNullAssertion: TS fails to narrow down
    encodeTableUrl
  ) : encodeTableStd;
}
function getDecodeTable() {
  if (!decodeTable) {
    decodeTable = [];
    const encodeTable = getEncodeTable("std");
    for (let i = 0; i < encodeTable.length; i++)
      decodeTable[encodeTable[i].charCodeAt(0)] = i;
    decodeTable["-".charCodeAt(0)] = encodeTable.indexOf("+");
    decodeTable["_".charCodeAt(0)] = encodeTable.indexOf("/");
  }
  return decodeTable;
}

// node_modules/@bufbuild/protobuf/dist/esm/descriptors.js
var ScalarType;
(function(ScalarType2) {
  ScalarType2[ScalarType2["DOUBLE"] = 1] = "DOUBLE";
  ScalarType2[ScalarType2["FLOAT"] = 2] = "FLOAT";
  ScalarType2[ScalarType2["INT64"] = 3] = "INT64";
  ScalarType2[ScalarType2["UINT64"] = 4] = "UINT64";
  ScalarType2[ScalarType2["INT32"] = 5] = "INT32";
  ScalarType2[ScalarType2["FIXED64"] = 6] = "FIXED64";
  ScalarType2[ScalarType2["FIXED32"] = 7] = "FIXED32";
  ScalarType2[ScalarType2["BOOL"] = 8] = "BOOL";
  ScalarType2[ScalarType2["STRING"] = 9] = "STRING";
  ScalarType2[ScalarType2["BYTES"] = 12] = "BYTES";
  ScalarType2[ScalarType2["UINT32"] = 13] = "UINT32";
  ScalarType2[ScalarType2["SFIXED32"] = 15] = "SFIXED32";
  ScalarType2[ScalarType2["SFIXED64"] = 16] = "SFIXED64";
  ScalarType2[ScalarType2["SINT32"] = 17] = "SINT32";
  ScalarType2[ScalarType2["SINT64"] = 18] = "SINT64";
})(ScalarType || (ScalarType = {}));

// node_modules/@bufbuild/protobuf/dist/esm/wire/text-format.js
function parseTextFormatEnumValue(descEnum, value) {
  const enumValue = descEnum.values.find((v) => v.name === value);
  if (!enumValue) {
    throw new Error(`cannot parse ${descEnum} default value: ${value}`);
  }
  return enumValue.number;
}
function parseTextFormatScalarValue(type, value) {
  switch (type) {
    case ScalarType.STRING:
      return value;
    case ScalarType.BYTES: {
      const u = unescapeBytesDefaultValue(value);
      if (u === false) {
        throw new Error(`cannot parse ${ScalarType[type]} default value: ${value}`);
      }
      return u;
    }
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return protoInt64.parse(value);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return protoInt64.uParse(value);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      switch (value) {
        case "inf":
          return Number.POSITIVE_INFINITY;
        case "-inf":
          return Number.NEGATIVE_INFINITY;
        case "nan":
          return Number.NaN;
        default:
          return parseFloat(value);
      }
    case ScalarType.BOOL:
      return value === "true";
    case ScalarType.INT32:
    case ScalarType.UINT32:
    case ScalarType.SINT32:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return parseInt(value, 10);
  }
}
function unescapeBytesDefaultValue(str) {
  const b = [];
  const input = {
    tail: str,
    c: "",
    next() {
      if (this.tail.length == 0) {
        return false;
      }
      this.c = this.tail[0];
      this.tail = this.tail.substring(1);
      return true;
    },
    take(n) {
      if (this.tail.length >= n) {
        const r = this.tail.substring(0, n);
        this.tail = this.tail.substring(n);
        return r;
      }
      return false;
    }
  };
  while (input.next()) {
    switch (input.c) {
      case "\\":
        if (input.next()) {
          switch (input.c) {
            case "\\":
              b.push(input.c.charCodeAt(0));
              break;
            case "b":
              b.push(8);
              break;
            case "f":
              b.push(12);
              break;
            case "n":
              b.push(10);
              break;
            case "r":
              b.push(13);
              break;
            case "t":
              b.push(9);
              break;
            case "v":
              b.push(11);
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7": {
              const s = input.c;
              const t = input.take(2);
              if (t === false) {
                return false;
              }
              const n = parseInt(s + t, 8);
              if (Number.isNaN(n)) {
                return false;
              }
              b.push(n);
              break;
            }
            case "x": {
              const s = input.c;
              const t = input.take(2);
              if (t === false) {
                return false;
              }
              const n = parseInt(s + t, 16);
              if (Number.isNaN(n)) {
                return false;
              }
              b.push(n);
              break;
            }
            case "u": {
              const s = input.c;
              const t = input.take(4);
              if (t === false) {
                return false;
              }
              const n = parseInt(s + t, 16);
              if (Number.isNaN(n)) {
                return false;
              }
              const chunk = new Uint8Array(4);
              const view = new DataView(chunk.buffer);
              view.setInt32(0, n, true);
              b.push(chunk[0], chunk[1], chunk[2], chunk[3]);
              break;
            }
            case "U": {
              const s = input.c;
              const t = input.take(8);
              if (t === false) {
                return false;
              }
              const tc = protoInt64.uEnc(s + t);
              const chunk = new Uint8Array(8);
              const view = new DataView(chunk.buffer);
              view.setInt32(0, tc.lo, true);
              view.setInt32(4, tc.hi, true);
              b.push(chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]);
              break;
            }
          }
        }
        break;
      default:
        b.push(input.c.charCodeAt(0));
    }
  }
  return new Uint8Array(b);
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/scalar.js
function scalarZeroValue(type, longAsString) {
  switch (type) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BOOL:
      return false;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return 0;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SFIXED64:
    case ScalarType.FIXED64:
    case ScalarType.SINT64:
      return longAsString ? "0" : protoInt64.zero;
    case ScalarType.BYTES:
      return new Uint8Array(0);
    default:
      return 0;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/unsafe.js
function unsafeIsSetExplicit(target, localName) {
  return Object.prototype.hasOwnProperty.call(target, localName) && target[localName] !== void 0;
}
function setOwn(obj, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(obj, "__proto__", {
      value,
      writable: true,
      enumerable: true,
      configurable: true
    });
  } else {
    obj[key] = value;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/is-message.js
function isMessage(arg, schema) {
  const isMessage2 = arg !== null && typeof arg == "object" && "$typeName" in arg && typeof arg.$typeName == "string";
  if (!isMessage2) {
    return false;
  }
  if (schema === void 0) {
    return true;
  }
  return schema.typeName === arg.$typeName;
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/guard.js
function isObject(arg) {
  return arg !== null && typeof arg == "object" && !Array.isArray(arg);
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/wrappers.js
function isWrapperDesc(messageDesc2) {
  const f = messageDesc2.fields[0];
  return isWrapperTypeName(messageDesc2.typeName) && f !== void 0 && f.fieldKind == "scalar" && f.name == "value" && f.number == 1;
}
var wrapperTypeNames = /* @__PURE__ */ new Set([
  "google.protobuf.DoubleValue",
  "google.protobuf.FloatValue",
  "google.protobuf.Int64Value",
  "google.protobuf.UInt64Value",
  "google.protobuf.Int32Value",
  "google.protobuf.UInt32Value",
  "google.protobuf.BoolValue",
  "google.protobuf.StringValue",
  "google.protobuf.BytesValue"
]);
function isWrapperTypeName(name) {
  return wrapperTypeNames.has(name);
}

// node_modules/@bufbuild/protobuf/dist/esm/create.js
var EDITION_PROTO3 = 999;
var EDITION_PROTO2 = 998;
var IMPLICIT = 2;
function create2(schema, init) {
  if (isMessage(init, schema)) {
    return init;
  }
  return compiledCreate(schema)(init);
}
var compiledCreates = /* @__PURE__ */ new WeakMap();
function compiledCreate(desc) {
  let compiled = compiledCreates.get(desc);
  if (compiled === void 0) {
    compiled = compileCreate(desc);
    compiledCreates.set(desc, compiled);
  }
  return compiled;
}
var INIT_SINGULAR = 0;
var INIT_LIST = 1;
var INIT_MAP = 2;
var INIT_ONEOF = 3;
function compileCreate(desc) {
  const typeName = desc.typeName;
  const { properties, prototype } = compileInitMessage(desc);
  return (init) => {
    let message;
    if (prototype !== void 0) {
      message = Object.create(prototype);
      message.$typeName = typeName;
    } else {
      message = { $typeName: typeName };
    }
    for (let i = 0; i < properties.length; i++) {
      const property = properties[i];
      const name = property.name;
      const initValue = init === null || init === void 0 ? void 0 : init[name];
      switch (property.kind) {
        case INIT_SINGULAR:
          if (initValue != null) {
            message[name] = property.convert !== void 0 ? property.convert(initValue) : initValue;
          } else if (property.constant !== void 0) {
            message[name] = property.constant;
          }
          break;
        case INIT_LIST:
          message[name] = property.convert !== void 0 && Array.isArray(initValue) ? initValue.map(property.convert) : initValue !== null && initValue !== void 0 ? initValue : [];
          break;
        case INIT_MAP:
          if (property.convert === void 0 || !isObject(initValue)) {
            message[name] = initValue !== null && initValue !== void 0 ? initValue : {};
          } else {
            const converted = {};
            const keys = Object.keys(initValue);
            for (let k = 0; k < keys.length; k++) {
              setOwn(converted, keys[k], property.convert(initValue[keys[k]]));
            }
            message[name] = converted;
          }
          break;
        case INIT_ONEOF: {
          const oneofValue = initValue;
          if ((oneofValue === null || oneofValue === void 0 ? void 0 : oneofValue.case) != null) {
            const convert = property.convert.get(oneofValue.case);
            if (convert !== void 0) {
              message[name] = {
                case: oneofValue.case,
                value: convert(oneofValue.value)
              };
              break;
            }
          }
          message[name] = { case: void 0 };
          break;
        }
      }
    }
    return message;
  };
}
function compileInitMessage(desc) {
  var _a, _b;
  const properties = [];
  const prototype = {};
  const usePrototype = needsPrototypeChain(desc);
  for (const member of desc.members) {
    const name = member.localName;
    if (member.kind == "oneof") {
      properties.push({
        name,
        kind: INIT_ONEOF,
        constant: void 0,
        convert: compileConvertOneof(member)
      });
      continue;
    }
    switch (member.fieldKind) {
      case "message": {
        properties.push({
          name,
          kind: INIT_SINGULAR,
          constant: void 0,
          convert: compileConvertMessage(member)
        });
        break;
      }
      case "list": {
        properties.push({
          name,
          kind: INIT_LIST,
          constant: void 0,
          convert: member.listKind == "message" ? (_a = compileConvertMessage(member)) !== null && _a !== void 0 ? _a : ((value) => value) : member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        break;
      }
      case "map": {
        properties.push({
          name,
          kind: INIT_MAP,
          constant: void 0,
          convert: member.mapKind == "message" ? (_b = compileConvertMessage(member)) !== null && _b !== void 0 ? _b : ((value) => value) : member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        break;
      }
      default: {
        const zeroValue = createZeroValue(member);
        properties.push({
          name,
          kind: INIT_SINGULAR,
          constant: member.presence == IMPLICIT ? zeroValue : void 0,
          convert: member.fieldKind == "scalar" && member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        if (usePrototype) {
          prototype[name] = zeroValue;
        }
        break;
      }
    }
  }
  return {
    properties,
    prototype: usePrototype ? prototype : void 0
  };
}
function compileConvertOneof(oneof) {
  const converters = /* @__PURE__ */ new Map();
  for (const field of oneof.fields) {
    let convert;
    if (field.fieldKind == "message") {
      convert = compileConvertMessage(field);
    } else if (field.fieldKind == "scalar" && field.scalar == ScalarType.BYTES) {
      convert = toU8Arr;
    }
    converters.set(field.localName, convert !== null && convert !== void 0 ? convert : ((value) => value));
  }
  return converters;
}
function compileConvertMessage(field) {
  if (field.fieldKind == "message" && !field.oneof && isWrapperDesc(field.message)) {
    return field.message.fields[0].scalar == ScalarType.BYTES ? toU8Arr : void 0;
  }
  if (field.message.typeName == "google.protobuf.Struct" && field.parent.typeName !== "google.protobuf.Value") {
    return void 0;
  }
  const messageDesc2 = field.message;
  let compiled;
  return (value) => {
    if (!isObject(value) || isMessage(value, messageDesc2)) {
      return value;
    }
    compiled !== null && compiled !== void 0 ? compiled : compiled = compiledCreate(messageDesc2);
    return compiled(value);
  };
}
function toU8Arr(value) {
  return Array.isArray(value) ? new Uint8Array(value) : value;
}
function needsPrototypeChain(desc) {
  switch (desc.file.edition) {
    case EDITION_PROTO3:
      return false;
    case EDITION_PROTO2:
      return true;
    default:
      return desc.fields.some((f) => f.presence != IMPLICIT && f.fieldKind != "message" && !f.oneof);
  }
}
function createZeroValue(field) {
  const defaultValue = field.getDefaultValue();
  if (defaultValue !== void 0) {
    return field.fieldKind == "scalar" && field.longAsString ? defaultValue.toString() : defaultValue;
  }
  return field.fieldKind == "scalar" ? scalarZeroValue(field.scalar, field.longAsString) : field.enum.values[0].number;
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/message.js
var NULL_VALUE = 0;
function localMessageMapper(field) {
  if (usesJsonRepresentation(field)) {
    return {
      toMessage: (local) => wktStructToReflect(local),
      toLocal: (message) => wktStructToLocal(message)
    };
  }
  if (field.fieldKind == "message" && !field.oneof && isWrapperDesc(field.message)) {
    const wrapperDesc = field.message;
    const valueLocalName = wrapperDesc.fields[0].localName;
    return {
      toMessage: (local) => {
        const message = create2(wrapperDesc);
        if (local !== void 0) {
          message[valueLocalName] = local;
        }
        return message;
      },
      toLocal: (message) => message[valueLocalName]
    };
  }
  const childDesc = field.message;
  return {
    toMessage: (local) => local === void 0 ? create2(childDesc) : local,
    toLocal: (message) => message
  };
}
function usesJsonRepresentation(field) {
  return field.message.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value";
}
function wktStructToReflect(json) {
  const struct = {
    $typeName: "google.protobuf.Struct",
    fields: {}
  };
  if (isObject(json)) {
    for (const k of Object.keys(json)) {
      setOwn(struct.fields, k, wktValueToReflect(json[k]));
    }
  }
  return struct;
}
function wktStructToLocal(val) {
  const json = {};
  for (const k of Object.keys(val.fields)) {
    setOwn(json, k, wktValueToLocal(val.fields[k]));
  }
  return json;
}
function wktValueToLocal(val) {
  switch (val.kind.case) {
    case "structValue":
      return wktStructToLocal(val.kind.value);
    case "listValue":
      return val.kind.value.values.map(wktValueToLocal);
    case "nullValue":
    case void 0:
      return null;
    default:
      return val.kind.value;
  }
}
function wktValueToReflect(json) {
  const value = {
    $typeName: "google.protobuf.Value",
    kind: { case: void 0 }
  };
  switch (typeof json) {
    case "number":
      value.kind = { case: "numberValue", value: json };
      break;
    case "string":
      value.kind = { case: "stringValue", value: json };
      break;
    case "boolean":
      value.kind = { case: "boolValue", value: json };
      break;
    case "object":
      if (json === null) {
        value.kind = { case: "nullValue", value: NULL_VALUE };
      } else if (Array.isArray(json)) {
        const listValue = {
          $typeName: "google.protobuf.ListValue",
          values: []
        };
        if (Array.isArray(json)) {
          for (const e of json) {
            listValue.values.push(wktValueToReflect(e));
          }
        }
        value.kind = {
          case: "listValue",
          value: listValue
        };
      } else {
        value.kind = {
          case: "structValue",
          value: wktStructToReflect(json)
        };
      }
      break;
  }
  return value;
}

// node_modules/@bufbuild/protobuf/dist/esm/from-binary.js
function makeReadContext(options) {
  return Object.assign(Object.assign({ readUnknownFields: true, recursionLimit: 100 }, options), { depth: 0 });
}
function fromBinary2(schema, bytes, options) {
  const message = create2(schema);
  compiledReader(schema).read(message, new BinaryReader(bytes), makeReadContext(options), bytes.byteLength);
  return message;
}
var compiledReaders = /* @__PURE__ */ new WeakMap();
function compiledReader(desc) {
  let compiled = compiledReaders.get(desc);
  if (compiled === void 0) {
    compiled = compileMessage(desc);
  }
  return compiled;
}
function compileMessage(desc) {
  const descString = String(desc);
  const fieldReaders = /* @__PURE__ */ new Map();
  const compiled = {
    read: compileMessageReader(descString, fieldReaders),
    readGroup: compileGroupReader(descString, fieldReaders)
  };
  compiledReaders.set(desc, compiled);
  for (const field of desc.fields) {
    fieldReaders.set(field.number, compileFieldReader(field));
  }
  return compiled;
}
function compileMessageReader(descString, fieldReaders) {
  return (message, reader, ctx, length) => {
    var _a;
    if (++ctx.depth > ctx.recursionLimit) {
      throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    const end = reader.pos + length;
    const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
    while (reader.pos < end) {
      const [fieldNo, wireType] = reader.tag();
      const fieldReader = fieldReaders.get(fieldNo);
      if (fieldReader === void 0) {
        const data = reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
        if (ctx.readUnknownFields) {
          unknownFields.push({ no: fieldNo, wireType, data });
        }
        continue;
      }
      fieldReader(message, reader, ctx, wireType);
    }
    if (unknownFields.length > 0) {
      message.$unknown = unknownFields;
    }
    ctx.depth--;
  };
}
function compileGroupReader(descString, fieldReaders) {
  return (message, reader, ctx, fieldNo) => {
    var _a;
    if (++ctx.depth > ctx.recursionLimit) {
      throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    let recordFieldNo;
    let wireType;
    const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
    while (reader.pos < reader.len) {
      [recordFieldNo, wireType] = reader.tag();
      if (wireType == WireType.EndGroup) {
        break;
      }
      const fieldReader = fieldReaders.get(recordFieldNo);
      if (fieldReader === void 0) {
        const data = reader.skip(wireType, recordFieldNo, ctx.recursionLimit - ctx.depth);
        if (ctx.readUnknownFields) {
          unknownFields.push({ no: recordFieldNo, wireType, data });
        }
        continue;
      }
      fieldReader(message, reader, ctx, wireType);
    }
    if (wireType != WireType.EndGroup || recordFieldNo !== fieldNo) {
      throw new Error("invalid end group tag");
    }
    if (unknownFields.length > 0) {
      message.$unknown = unknownFields;
    }
    ctx.depth--;
  };
}
function compileFieldReader(field) {
  switch (field.fieldKind) {
    case "scalar":
      return compileScalarFieldReader(field);
    case "enum":
      return compileEnumFieldReader(field);
    case "message":
      return compileMessageFieldReader(field);
    case "list":
      return compileListFieldReader(field);
    case "map":
      return compileMapFieldReader(field);
  }
}
function compileScalarFieldReader(field) {
  const readScalar = compileScalarReader(field.scalar, field.utf8Validation, field.longAsString);
  const localName = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, reader) => {
      message[oneofLocalName] = {
        case: localName,
        value: readScalar(reader)
      };
    };
  }
  return (message, reader) => {
    message[localName] = readScalar(reader);
  };
}
function compileEnumFieldReader(field) {
  var _a;
  const localName = field.localName;
  const oneofLocalName = (_a = field.oneof) === null || _a === void 0 ? void 0 : _a.localName;
  if (field.enum.open) {
    if (oneofLocalName !== void 0) {
      return (message, reader) => {
        message[oneofLocalName] = { case: localName, value: reader.int32() };
      };
    }
    return (message, reader) => {
      message[localName] = reader.int32();
    };
  }
  const values = field.enum.values;
  const fieldNo = field.number;
  return (message, reader, ctx, wireType) => {
    var _a2;
    const val = reader.int32();
    if (values.some((v) => v.number === val)) {
      if (oneofLocalName !== void 0) {
        message[oneofLocalName] = { case: localName, value: val };
      } else {
        message[localName] = val;
      }
    } else if (ctx.readUnknownFields) {
      const bytes = [];
      varint32write(val, bytes);
      const unknownFields = (_a2 = message.$unknown) !== null && _a2 !== void 0 ? _a2 : [];
      unknownFields.push({
        no: fieldNo,
        wireType,
        data: new Uint8Array(bytes)
      });
      message.$unknown = unknownFields;
    }
  };
}
function compileMessageFieldReader(field) {
  const localName = field.localName;
  const { toMessage, toLocal } = localMessageMapper(field);
  const readChild = compileChildReader(field);
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, reader, ctx) => {
      const oneof = message[oneofLocalName];
      const child = toMessage(oneof.case === localName ? oneof.value : void 0);
      readChild(child, reader, ctx);
      message[oneofLocalName] = { case: localName, value: toLocal(child) };
    };
  }
  return (message, reader, ctx) => {
    const child = toMessage(message[localName]);
    readChild(child, reader, ctx);
    message[localName] = toLocal(child);
  };
}
function compileChildReader(field) {
  const compiledChild = compiledReader(field.message);
  if (field.delimitedEncoding) {
    const fieldNo = field.number;
    return (child, reader, ctx) => compiledChild.readGroup(child, reader, ctx, fieldNo);
  }
  return (child, reader, ctx) => compiledChild.read(child, reader, ctx, reader.uint32());
}
function compileListFieldReader(field) {
  const localName = field.localName;
  if (field.listKind == "message") {
    const { toMessage, toLocal } = localMessageMapper(field);
    const readChild = compileChildReader(field);
    return (message, reader, ctx) => {
      const child = toMessage(void 0);
      readChild(child, reader, ctx);
      message[localName].push(toLocal(child));
    };
  }
  const scalarType = field.listKind == "enum" ? ScalarType.INT32 : field.scalar;
  const longAsString = field.listKind == "scalar" ? field.longAsString : false;
  const readScalar = compileScalarReader(scalarType, field.utf8Validation, longAsString);
  const packedPossible = scalarType != ScalarType.STRING && scalarType != ScalarType.BYTES;
  return (message, reader, ctx, wireType) => {
    const items = message[localName];
    if (wireType == WireType.LengthDelimited && packedPossible) {
      const end = reader.uint32() + reader.pos;
      while (reader.pos < end) {
        items.push(readScalar(reader));
      }
    } else {
      items.push(readScalar(reader));
    }
  };
}
function compileMapFieldReader(field) {
  const localName = field.localName;
  const readKey = compileScalarReader(field.mapKey, field.utf8Validation, false);
  const keyZero = scalarZeroValue(field.mapKey, false);
  let readValue;
  let valueDefault;
  switch (field.mapKind) {
    case "scalar": {
      const scalar = field.scalar;
      const readScalar = compileScalarReader(scalar, field.utf8Validation, false);
      readValue = (reader) => readScalar(reader);
      if (scalar == ScalarType.BYTES) {
        valueDefault = () => new Uint8Array(0);
      } else {
        const zero = scalarZeroValue(scalar, false);
        valueDefault = () => zero;
      }
      break;
    }
    case "enum": {
      const zero = field.enum.values[0].number;
      readValue = (reader) => reader.int32();
      valueDefault = () => zero;
      break;
    }
    case "message": {
      const { toMessage, toLocal } = localMessageMapper(field);
      const readChild = compiledReader(field.message).read;
      readValue = (reader, ctx, existing) => {
        const child = toMessage(existing);
        readChild(child, reader, ctx, reader.uint32());
        return toLocal(child);
      };
      valueDefault = () => toLocal(toMessage(void 0));
      break;
    }
  }
  return (message, reader, ctx) => {
    const record = message[localName];
    let key;
    let val;
    const len = reader.uint32();
    const end = reader.pos + len;
    while (reader.pos < end) {
      const [fieldNo, wireType] = reader.tag();
      switch (fieldNo) {
        case 1:
          key = readKey(reader);
          break;
        case 2:
          val = readValue(reader, ctx, val);
          break;
        default:
          reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
      }
    }
    if (key === void 0) {
      key = keyZero;
    }
    if (val === void 0) {
      val = valueDefault();
    }
    setOwn(record, key, val);
  };
}
function compileScalarReader(type, utf8Validation, longAsString) {
  switch (type) {
    case ScalarType.STRING:
      return (reader) => reader.string(utf8Validation);
    case ScalarType.BOOL:
      return (reader) => reader.bool();
    case ScalarType.DOUBLE:
      return (reader) => reader.double();
    case ScalarType.FLOAT:
      return (reader) => reader.float();
    case ScalarType.INT32:
      return (reader) => reader.int32();
    case ScalarType.INT64:
      if (longAsString) {
        return (reader) => String(reader.int64());
      }
      return (reader) => reader.int64();
    case ScalarType.UINT64:
      if (longAsString) {
        return (reader) => String(reader.uint64());
      }
      return (reader) => reader.uint64();
    case ScalarType.FIXED64:
      if (longAsString) {
        return (reader) => String(reader.fixed64());
      }
      return (reader) => reader.fixed64();
    case ScalarType.BYTES:
      return (reader) => reader.bytes();
    case ScalarType.FIXED32:
      return (reader) => reader.fixed32();
    case ScalarType.SFIXED32:
      return (reader) => reader.sfixed32();
    case ScalarType.SFIXED64:
      if (longAsString) {
        return (reader) => String(reader.sfixed64());
      }
      return (reader) => reader.sfixed64();
    case ScalarType.SINT64:
      if (longAsString) {
        return (reader) => String(reader.sint64());
      }
      return (reader) => reader.sint64();
    case ScalarType.UINT32:
      return (reader) => reader.uint32();
    case ScalarType.SINT32:
      return (reader) => reader.sint32();
  }
}

// node_modules/@connectrpc/connect/dist/esm/http-headers.js
function decodeBinaryHeader(value, desc, options) {
  try {
    const bytes = base64Decode(value);
    if (desc) {
      return (0, import_protobuf2.fromBinary)(desc, bytes, options);
    }
    return bytes;
  } catch (e) {
    throw ConnectError.from(e, Code.DataLoss);
  }
}

// node_modules/@connectrpc/connect/dist/esm/any-client.js
function makeAnyClient(service, createMethod) {
  const client = {};
  for (const desc of service.methods) {
    const method = createMethod(desc);
    if (method != null) {
      client[desc.localName] = method;
    }
  }
  return client;
}

// node_modules/@connectrpc/connect/dist/esm/protocol/compression.js
var compressedFlag = 1;

// node_modules/@connectrpc/connect/dist/esm/protocol/limit-io.js
function assertReadMaxBytes(readMaxBytes, bytesRead, totalSizeKnown = false) {
  if (bytesRead > readMaxBytes) {
    let message = `message size is larger than configured readMaxBytes ${readMaxBytes}`;
    if (totalSizeKnown) {
      message = `message size ${bytesRead} is larger than configured readMaxBytes ${readMaxBytes}`;
    }
    throw new ConnectError(message, Code.ResourceExhausted);
  }
}

// node_modules/@connectrpc/connect/dist/esm/protocol/envelope.js
function createEnvelopeDecoder(readMaxBytes) {
  return new EnvelopeDecoderImpl(readMaxBytes);
}
var EnvelopeDecoderImpl = class {
  constructor(readMaxBytes) {
    this.readMaxBytes = readMaxBytes;
    this.header = new Uint8Array(5);
    this.headerView = new DataView(this.header.buffer);
    this.buf = [];
  }
  get byteLength() {
    return this.buf.reduce((a, b) => a + b.byteLength, 0);
  }
  decode(chunk) {
    this.buf.push(chunk);
    const envs = [];
    for (; ; ) {
      let env2 = this.pop();
      if (!env2) {
        break;
      }
      envs.push(env2);
    }
    return envs;
  }
  // consume an enveloped message
  pop() {
    if (!this.env) {
      this.env = this.head();
      if (!this.env) {
        return void 0;
      }
    }
    if (this.cons(this.env.data)) {
      const env2 = this.env;
      this.env = void 0;
      return env2;
    }
    return void 0;
  }
  // consume header
  head() {
    if (!this.cons(this.header)) {
      return void 0;
    }
    const flags = this.headerView.getUint8(0);
    const length = this.headerView.getUint32(1);
    assertReadMaxBytes(this.readMaxBytes, length, true);
    return {
      flags,
      data: new Uint8Array(length)
    };
  }
  // consume from buffer, fill target
  cons(target) {
    const wantLength = target.byteLength;
    if (this.byteLength < wantLength) {
      return false;
    }
    let offset = 0;
    while (offset < wantLength) {
      const chunk = this.buf.shift();
      if (chunk.byteLength > wantLength - offset) {
        target.set(chunk.subarray(0, wantLength - offset), offset);
        this.buf.unshift(chunk.subarray(wantLength - offset));
        offset += wantLength - offset;
      } else {
        target.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    return true;
  }
};
function createEnvelopeReadableStream(stream) {
  let reader;
  const buffer = createEnvelopeDecoder(4294967295);
  return new ReadableStream({
    start() {
      reader = stream.getReader();
    },
    async pull(controller) {
      let enqueuedOnce = false;
      while (!enqueuedOnce) {
        const result = await reader.read();
        if (result.done) {
          if (buffer.byteLength > 0) {
            controller.error(new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument));
          }
          controller.close();
        } else {
          for (const env2 of buffer.decode(result.value)) {
            controller.enqueue(env2);
            enqueuedOnce = true;
          }
        }
      }
    }
  });
}
function encodeEnvelope(flags, data) {
  const bytes = new Uint8Array(data.length + 5);
  bytes.set(data, 5);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  v.setUint8(0, flags);
  v.setUint32(1, data.length);
  return bytes;
}

// node_modules/@connectrpc/connect/dist/esm/protocol/async-iterable.js
var __asyncValues = function(o) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var m = o[Symbol.asyncIterator], i;
  return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
    return this;
  }, i);
  function verb(n) {
    i[n] = o[n] && function(v) {
      return new Promise(function(resolve, reject) {
        v = o[n](v), settle(resolve, reject, v.done, v.value);
      });
    };
  }
  function settle(resolve, reject, d, v) {
    Promise.resolve(v).then(function(v2) {
      resolve({ value: v2, done: d });
    }, reject);
  }
};
var __await = function(v) {
  return this instanceof __await ? (this.v = v, this) : new __await(v);
};
var __asyncGenerator = function(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
};
var __asyncDelegator = function(o) {
  var i, p;
  return i = {}, verb("next"), verb("throw", function(e) {
    throw e;
  }), verb("return"), i[Symbol.iterator] = function() {
    return this;
  }, i;
  function verb(n, f) {
    i[n] = o[n] ? function(v) {
      return (p = !p) ? { value: __await(o[n](v)), done: false } : f ? f(v) : v;
    } : f;
  }
};
function createAsyncIterable(items) {
  return __asyncGenerator(this, arguments, function* createAsyncIterable_1() {
    yield __await(yield* __asyncDelegator(__asyncValues(items)));
  });
}

// node_modules/@connectrpc/connect/dist/esm/promise-client.js
var __asyncValues2 = function(o) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var m = o[Symbol.asyncIterator], i;
  return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
    return this;
  }, i);
  function verb(n) {
    i[n] = o[n] && function(v) {
      return new Promise(function(resolve, reject) {
        v = o[n](v), settle(resolve, reject, v.done, v.value);
      });
    };
  }
  function settle(resolve, reject, d, v) {
    Promise.resolve(v).then(function(v2) {
      resolve({ value: v2, done: d });
    }, reject);
  }
};
var __await2 = function(v) {
  return this instanceof __await2 ? (this.v = v, this) : new __await2(v);
};
var __asyncDelegator2 = function(o) {
  var i, p;
  return i = {}, verb("next"), verb("throw", function(e) {
    throw e;
  }), verb("return"), i[Symbol.iterator] = function() {
    return this;
  }, i;
  function verb(n, f) {
    i[n] = o[n] ? function(v) {
      return (p = !p) ? { value: __await2(o[n](v)), done: false } : f ? f(v) : v;
    } : f;
  }
};
var __asyncGenerator2 = function(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await2 ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
};
function createClient(service, transport) {
  return makeAnyClient(service, (method) => {
    switch (method.methodKind) {
      case "unary":
        return createUnaryFn(transport, method);
      case "server_streaming":
        return createServerStreamingFn(transport, method);
      case "client_streaming":
        return createClientStreamingFn(transport, method);
      case "bidi_streaming":
        return createBiDiStreamingFn(transport, method);
      default:
        return null;
    }
  });
}
function createUnaryFn(transport, method) {
  return async (input, options) => {
    var _a, _b;
    const response = await transport.unary(method, options === null || options === void 0 ? void 0 : options.signal, options === null || options === void 0 ? void 0 : options.timeoutMs, options === null || options === void 0 ? void 0 : options.headers, input, options === null || options === void 0 ? void 0 : options.contextValues);
    (_a = options === null || options === void 0 ? void 0 : options.onHeader) === null || _a === void 0 ? void 0 : _a.call(options, response.header);
    (_b = options === null || options === void 0 ? void 0 : options.onTrailer) === null || _b === void 0 ? void 0 : _b.call(options, response.trailer);
    return response.message;
  };
}
function createServerStreamingFn(transport, method) {
  return (input, options) => handleStreamResponse(transport.stream(method, options === null || options === void 0 ? void 0 : options.signal, options === null || options === void 0 ? void 0 : options.timeoutMs, options === null || options === void 0 ? void 0 : options.headers, createAsyncIterable([input]), options === null || options === void 0 ? void 0 : options.contextValues), options);
}
function createClientStreamingFn(transport, method) {
  return async (request, options) => {
    var _a, e_1, _b, _c;
    var _d, _e;
    const response = await transport.stream(method, options === null || options === void 0 ? void 0 : options.signal, options === null || options === void 0 ? void 0 : options.timeoutMs, options === null || options === void 0 ? void 0 : options.headers, request, options === null || options === void 0 ? void 0 : options.contextValues);
    (_d = options === null || options === void 0 ? void 0 : options.onHeader) === null || _d === void 0 ? void 0 : _d.call(options, response.header);
    let singleMessage;
    let count = 0;
    try {
      for (var _f = true, _g = __asyncValues2(response.message), _h; _h = await _g.next(), _a = _h.done, !_a; _f = true) {
        _c = _h.value;
        _f = false;
        const message = _c;
        singleMessage = message;
        count++;
      }
    } catch (e_1_1) {
      e_1 = { error: e_1_1 };
    } finally {
      try {
        if (!_f && !_a && (_b = _g.return)) await _b.call(_g);
      } finally {
        if (e_1) throw e_1.error;
      }
    }
    if (!singleMessage) {
      throw new ConnectError("protocol error: missing response message", Code.Unimplemented);
    }
    if (count > 1) {
      throw new ConnectError("protocol error: received extra messages for client streaming method", Code.Unimplemented);
    }
    (_e = options === null || options === void 0 ? void 0 : options.onTrailer) === null || _e === void 0 ? void 0 : _e.call(options, response.trailer);
    return singleMessage;
  };
}
function createBiDiStreamingFn(transport, method) {
  return (request, options) => handleStreamResponse(transport.stream(method, options === null || options === void 0 ? void 0 : options.signal, options === null || options === void 0 ? void 0 : options.timeoutMs, options === null || options === void 0 ? void 0 : options.headers, request, options === null || options === void 0 ? void 0 : options.contextValues), options);
}
function handleStreamResponse(stream, options) {
  return (function() {
    return __asyncGenerator2(this, arguments, function* () {
      var _a, _b;
      const response = yield __await2(stream);
      (_a = options === null || options === void 0 ? void 0 : options.onHeader) === null || _a === void 0 ? void 0 : _a.call(options, response.header);
      yield __await2(yield* __asyncDelegator2(__asyncValues2(response.message)));
      (_b = options === null || options === void 0 ? void 0 : options.onTrailer) === null || _b === void 0 ? void 0 : _b.call(options, response.trailer);
    });
  })();
}

// node_modules/@connectrpc/connect/dist/esm/protocol/signals.js
function createLinkedAbortController(...signals) {
  const controller = new AbortController();
  const sa = signals.filter((s) => s !== void 0).concat(controller.signal);
  for (const signal of sa) {
    if (signal.aborted) {
      onAbort.apply(signal);
      break;
    }
    signal.addEventListener("abort", onAbort);
  }
  function onAbort() {
    if (!controller.signal.aborted) {
      controller.abort(getAbortSignalReason(this));
    }
    for (const signal of sa) {
      signal.removeEventListener("abort", onAbort);
    }
  }
  return controller;
}
function createDeadlineSignal(timeoutMs) {
  const controller = new AbortController();
  const listener = () => {
    controller.abort(new ConnectError("the operation timed out", Code.DeadlineExceeded));
  };
  let timeoutId;
  if (timeoutMs !== void 0) {
    if (timeoutMs <= 0)
      listener();
    else
      timeoutId = setTimeout(listener, timeoutMs);
  }
  return {
    signal: controller.signal,
    cleanup: () => clearTimeout(timeoutId)
  };
}
function getAbortSignalReason(signal) {
  if (!signal.aborted) {
    return void 0;
  }
  if (signal.reason !== void 0) {
    return signal.reason;
  }
  const e = new Error("This operation was aborted");
  e.name = "AbortError";
  return e;
}

// node_modules/@connectrpc/connect/dist/esm/context-values.js
function createContextValues() {
  return {
    get(key) {
      return key.id in this ? this[key.id] : key.defaultValue;
    },
    set(key, value) {
      this[key.id] = value;
      return this;
    },
    delete(key) {
      delete this[key.id];
      return this;
    }
  };
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc-web/trailer.js
var trailerFlag = 128;
function trailerParse(data) {
  const headers = new Headers();
  const lines = new TextDecoder().decode(data).split("\r\n");
  for (const line of lines) {
    if (line === "") {
      continue;
    }
    const i = line.indexOf(":");
    if (i > 0) {
      const name = line.substring(0, i).trim();
      const value = line.substring(i + 1).trim();
      headers.append(name, value);
    }
  }
  return headers;
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc/headers.js
var headerContentType = "Content-Type";
var headerTimeout = "Grpc-Timeout";
var headerGrpcStatus = "Grpc-Status";
var headerGrpcMessage = "Grpc-Message";
var headerStatusDetailsBin = "Grpc-Status-Details-Bin";
var headerUserAgent = "User-Agent";

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc-web/headers.js
var headerXUserAgent = "X-User-Agent";
var headerXGrpcWeb = "X-Grpc-Web";

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc-web/content-type.js
var contentTypeProto = "application/grpc-web+proto";
var contentTypeJson = "application/grpc-web+json";

// node_modules/@bufbuild/protobuf/dist/esm/reflect/names.js
function protoCamelCase(snakeCase) {
  let capNext = false;
  const b = [];
  for (let i = 0; i < snakeCase.length; i++) {
    let c = snakeCase.charAt(i);
    switch (c) {
      case "_":
        capNext = true;
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        b.push(c);
        capNext = false;
        break;
      default:
        if (capNext) {
          capNext = false;
          c = c.toUpperCase();
        }
        b.push(c);
        break;
    }
  }
  return b.join("");
}
var reservedObjectProperties = /* @__PURE__ */ new Set([
  // names reserved by JavaScript
  "constructor",
  "toString",
  "toJSON",
  "valueOf"
]);
function safeObjectProperty(name) {
  return reservedObjectProperties.has(name) ? name + "$" : name;
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/restore-json-names.js
function restoreJsonNames(message) {
  for (const f of message.field) {
    if (!unsafeIsSetExplicit(f, "jsonName")) {
      f.jsonName = protoCamelCase(f.name);
    }
  }
  message.nestedType.forEach(restoreJsonNames);
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/nested-types.js
function* nestedTypes(desc) {
  switch (desc.kind) {
    case "file":
      for (const message of desc.messages) {
        yield message;
        yield* nestedTypes(message);
      }
      yield* desc.enums;
      yield* desc.services;
      yield* desc.extensions;
      break;
    case "message":
      for (const message of desc.nestedMessages) {
        yield message;
        yield* nestedTypes(message);
      }
      yield* desc.nestedEnums;
      yield* desc.nestedExtensions;
      break;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/registry.js
function createEmbeddedFileRegistry(fileDescriptorProto, resolve) {
  return buildFileRegistry([fileDescriptorProto, resolve]);
}
function buildFileRegistry(args, check) {
  const registry = createBaseRegistry();
  if (!args.length) {
    return registry;
  }
  if ("$typeName" in args[0] && args[0].$typeName == "google.protobuf.FileDescriptorSet") {
    for (const file of args[0].file) {
      check === null || check === void 0 ? void 0 : check(file);
      addFile(file, registry);
    }
    return registry;
  }
  if ("$typeName" in args[0]) {
    let recurseDeps = function(file) {
      const deps = [];
      for (const protoFileName of file.dependency) {
        if (registry.getFile(protoFileName) != void 0) {
          continue;
        }
        if (seen.has(protoFileName)) {
          continue;
        }
        const dep = resolve(protoFileName);
        if (!dep) {
          throw new Error(`Unable to resolve ${protoFileName}, imported by ${file.name}`);
        }
        if ("kind" in dep) {
          registry.addFile(dep, false, true);
        } else {
          seen.add(dep.name);
          deps.push(dep);
        }
      }
      return deps.concat(...deps.map(recurseDeps));
    };
    const input = args[0];
    const resolve = args[1];
    const seen = /* @__PURE__ */ new Set();
    for (const file of [input, ...recurseDeps(input)].reverse()) {
      check === null || check === void 0 ? void 0 : check(file);
      addFile(file, registry);
    }
  } else {
    for (const fileReg of args) {
      for (const file of fileReg.files) {
        registry.addFile(file);
      }
    }
  }
  return registry;
}
function createBaseRegistry() {
  const types = /* @__PURE__ */ new Map();
  const extendees = /* @__PURE__ */ new Map();
  const files = /* @__PURE__ */ new Map();
  return {
    kind: "registry",
    types,
    extendees,
    [Symbol.iterator]() {
      return types.values();
    },
    get files() {
      return files.values();
    },
    addFile(file, skipTypes, withDeps) {
      files.set(file.proto.name, file);
      if (!skipTypes) {
        for (const type of nestedTypes(file)) {
          this.add(type);
        }
      }
      if (withDeps) {
        for (const f of file.dependencies) {
          this.addFile(f, skipTypes, withDeps);
        }
      }
    },
    add(desc) {
      if (desc.kind == "extension") {
        let numberToExt = extendees.get(desc.extendee.typeName);
        if (!numberToExt) {
          extendees.set(
            desc.extendee.typeName,
            // biome-ignore lint/suspicious/noAssignInExpressions: no
            numberToExt = /* @__PURE__ */ new Map()
          );
        }
        numberToExt.set(desc.number, desc);
      }
      types.set(desc.typeName, desc);
    },
    get(typeName) {
      return types.get(typeName);
    },
    getFile(fileName) {
      return files.get(fileName);
    },
    getMessage(typeName) {
      const t = types.get(typeName);
      return (t === null || t === void 0 ? void 0 : t.kind) == "message" ? t : void 0;
    },
    getEnum(typeName) {
      const t = types.get(typeName);
      return (t === null || t === void 0 ? void 0 : t.kind) == "enum" ? t : void 0;
    },
    getExtension(typeName) {
      const t = types.get(typeName);
      return (t === null || t === void 0 ? void 0 : t.kind) == "extension" ? t : void 0;
    },
    getExtensionFor(extendee, no) {
      var _a;
      return (_a = extendees.get(extendee.typeName)) === null || _a === void 0 ? void 0 : _a.get(no);
    },
    getService(typeName) {
      const t = types.get(typeName);
      return (t === null || t === void 0 ? void 0 : t.kind) == "service" ? t : void 0;
    }
  };
}
var EDITION_PROTO22 = 998;
var EDITION_PROTO32 = 999;
var EDITION_UNSTABLE = 9999;
var TYPE_STRING = 9;
var TYPE_GROUP = 10;
var TYPE_MESSAGE = 11;
var TYPE_BYTES = 12;
var TYPE_ENUM = 14;
var LABEL_REPEATED = 3;
var LABEL_REQUIRED = 2;
var JS_STRING = 1;
var IDEMPOTENCY_UNKNOWN = 0;
var EXPLICIT = 1;
var IMPLICIT2 = 2;
var LEGACY_REQUIRED = 3;
var PACKED = 1;
var DELIMITED = 2;
var OPEN = 1;
var VERIFY = 2;
var maximumEdition = 1002;
var featureDefaults = {
  // EDITION_PROTO2
  998: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 2,
    // CLOSED,
    repeatedFieldEncoding: 2,
    // EXPANDED,
    utf8Validation: 3,
    // NONE,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 2,
    // LEGACY_BEST_EFFORT,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_PROTO3
  999: {
    fieldPresence: 2,
    // IMPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2023
  1e3: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2024
  1001: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 1,
    // STYLE2024,
    defaultSymbolVisibility: 2,
    // EXPORT_TOP_LEVEL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2026
  1002: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 3,
    // STYLE2026,
    defaultSymbolVisibility: 4,
    // STRICT,
    enforceProtoLimits: 2
    // PROTO_LIMITS2026,
  }
};
function addFile(proto, reg) {
  var _a, _b;
  const file = {
    kind: "file",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    edition: getFileEdition(proto),
    name: proto.name.replace(/\.proto$/, ""),
    dependencies: findFileDependencies(proto, reg),
    enums: [],
    messages: [],
    extensions: [],
    services: [],
    toString() {
      return `file ${proto.name}`;
    }
  };
  const mapEntriesStore = /* @__PURE__ */ new Map();
  const mapEntries = {
    get(typeName) {
      return mapEntriesStore.get(typeName);
    },
    add(desc) {
      var _a2;
      assert(((_a2 = desc.proto.options) === null || _a2 === void 0 ? void 0 : _a2.mapEntry) === true);
      mapEntriesStore.set(desc.typeName, desc);
    }
  };
  for (const enumProto of proto.enumType) {
    addEnum(enumProto, file, void 0, reg);
  }
  for (const messageProto of proto.messageType) {
    addMessage(messageProto, file, void 0, reg, mapEntries);
  }
  for (const serviceProto of proto.service) {
    addService(serviceProto, file, reg);
  }
  addExtensions(file, reg);
  for (const mapEntry of mapEntriesStore.values()) {
    addFields(mapEntry, reg, mapEntries);
  }
  for (const message of file.messages) {
    addFields(message, reg, mapEntries);
    addExtensions(message, reg);
  }
  reg.addFile(file, true);
}
function addExtensions(desc, reg) {
  switch (desc.kind) {
    case "file":
      for (const proto of desc.proto.extension) {
        const ext = newField(proto, desc, reg);
        desc.extensions.push(ext);
        reg.add(ext);
      }
      break;
    case "message":
      for (const proto of desc.proto.extension) {
        const ext = newField(proto, desc, reg);
        desc.nestedExtensions.push(ext);
        reg.add(ext);
      }
      for (const message of desc.nestedMessages) {
        addExtensions(message, reg);
      }
      break;
  }
}
function addFields(message, reg, mapEntries) {
  const allOneofs = message.proto.oneofDecl.map((proto) => newOneof(proto, message));
  const oneofsSeen = /* @__PURE__ */ new Set();
  for (const proto of message.proto.field) {
    const oneof = findOneof(proto, allOneofs);
    const field = newField(proto, message, reg, oneof, mapEntries);
    message.fields.push(field);
    message.field[field.localName] = field;
    if (oneof === void 0) {
      message.members.push(field);
    } else {
      oneof.fields.push(field);
      if (!oneofsSeen.has(oneof)) {
        oneofsSeen.add(oneof);
        message.members.push(oneof);
      }
    }
  }
  for (const oneof of allOneofs.filter((o) => oneofsSeen.has(o))) {
    message.oneofs.push(oneof);
  }
  for (const child of message.nestedMessages) {
    addFields(child, reg, mapEntries);
  }
}
function addEnum(proto, file, parent, reg) {
  var _a, _b, _c, _d, _e, _f, _g;
  var _h, _j;
  const sharedPrefix = findEnumSharedPrefix(proto.name, proto.value);
  const desc = {
    kind: "enum",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    parent,
    open: true,
    name: proto.name,
    typeName: makeTypeName(proto, parent, file),
    value: {},
    values: [],
    sharedPrefix,
    toString() {
      return `enum ${this.typeName}`;
    }
  };
  desc.open = isEnumOpen(desc);
  reg.add(desc);
  for (const p of proto.value) {
    const name = p.name;
    const value = {
      kind: "enum_value",
      proto: p,
      deprecated: (_d = (_c = p.options) === null || _c === void 0 ? void 0 : _c.deprecated) !== null && _d !== void 0 ? _d : false,
      parent: desc,
      name,
      localName: safeObjectProperty(sharedPrefix == void 0 ? name : name.substring(sharedPrefix.length)),
      number: p.number,
      jsonName: (_e = findEnumValueJsonName(p)) !== null && _e !== void 0 ? _e : name,
      toString() {
        return `enum value ${desc.typeName}.${name}`;
      }
    };
    desc.values.push(value);
    (_f = (_h = desc.value)[_j = p.number]) !== null && _f !== void 0 ? _f : _h[_j] = value;
  }
  ((_g = parent === null || parent === void 0 ? void 0 : parent.nestedEnums) !== null && _g !== void 0 ? _g : file.enums).push(desc);
}
function addMessage(proto, file, parent, reg, mapEntries) {
  var _a, _b, _c, _d;
  const desc = {
    kind: "message",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    parent,
    name: proto.name,
    typeName: makeTypeName(proto, parent, file),
    fields: [],
    field: {},
    oneofs: [],
    members: [],
    nestedEnums: [],
    nestedMessages: [],
    nestedExtensions: [],
    toString() {
      return `message ${this.typeName}`;
    }
  };
  if (((_c = proto.options) === null || _c === void 0 ? void 0 : _c.mapEntry) === true) {
    mapEntries.add(desc);
  } else {
    ((_d = parent === null || parent === void 0 ? void 0 : parent.nestedMessages) !== null && _d !== void 0 ? _d : file.messages).push(desc);
    reg.add(desc);
  }
  for (const enumProto of proto.enumType) {
    addEnum(enumProto, file, desc, reg);
  }
  for (const messageProto of proto.nestedType) {
    addMessage(messageProto, file, desc, reg, mapEntries);
  }
}
function addService(proto, file, reg) {
  var _a, _b;
  const desc = {
    kind: "service",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    name: proto.name,
    typeName: makeTypeName(proto, void 0, file),
    methods: [],
    method: {},
    toString() {
      return `service ${this.typeName}`;
    }
  };
  file.services.push(desc);
  reg.add(desc);
  for (const methodProto of proto.method) {
    const method = newMethod(methodProto, desc, reg);
    desc.methods.push(method);
    desc.method[method.localName] = method;
  }
}
function newMethod(proto, parent, reg) {
  var _a, _b, _c, _d;
  let methodKind;
  if (proto.clientStreaming && proto.serverStreaming) {
    methodKind = "bidi_streaming";
  } else if (proto.clientStreaming) {
    methodKind = "client_streaming";
  } else if (proto.serverStreaming) {
    methodKind = "server_streaming";
  } else {
    methodKind = "unary";
  }
  const input = reg.getMessage(trimLeadingDot(proto.inputType));
  const output = reg.getMessage(trimLeadingDot(proto.outputType));
  assert(input, `invalid MethodDescriptorProto: input_type ${proto.inputType} not found`);
  assert(output, `invalid MethodDescriptorProto: output_type ${proto.inputType} not found`);
  const name = proto.name;
  return {
    kind: "rpc",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    parent,
    name,
    localName: safeObjectProperty(name.length ? safeObjectProperty(name[0].toLowerCase() + name.substring(1)) : name),
    methodKind,
    input,
    output,
    idempotency: (_d = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.idempotencyLevel) !== null && _d !== void 0 ? _d : IDEMPOTENCY_UNKNOWN,
    toString() {
      return `rpc ${parent.typeName}.${name}`;
    }
  };
}
function newOneof(proto, parent) {
  return {
    kind: "oneof",
    proto,
    deprecated: false,
    parent,
    fields: [],
    name: proto.name,
    localName: safeObjectProperty(protoCamelCase(proto.name)),
    toString() {
      return `oneof ${parent.typeName}.${this.name}`;
    }
  };
}
function newField(proto, parentOrFile, reg, oneof, mapEntries) {
  var _a, _b, _c;
  const isExtension = mapEntries === void 0;
  const field = {
    kind: "field",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    name: proto.name,
    number: proto.number,
    scalar: void 0,
    message: void 0,
    enum: void 0,
    presence: getFieldPresence(proto, oneof, isExtension, parentOrFile),
    utf8Validation: isUtf8Validated(proto, parentOrFile),
    listKind: void 0,
    mapKind: void 0,
    mapKey: void 0,
    delimitedEncoding: void 0,
    packed: void 0,
    longAsString: false,
    getDefaultValue: void 0
  };
  let toStr;
  if (isExtension) {
    const file = parentOrFile.kind == "file" ? parentOrFile : parentOrFile.file;
    const parent = parentOrFile.kind == "file" ? void 0 : parentOrFile;
    const typeName = makeTypeName(proto, parent, file);
    field.kind = "extension";
    field.file = file;
    field.parent = parent;
    field.oneof = void 0;
    field.typeName = typeName;
    field.jsonName = `[${typeName}]`;
    toStr = () => `extension ${typeName}`;
    const extendee = reg.getMessage(trimLeadingDot(proto.extendee));
    assert(extendee, `invalid FieldDescriptorProto: extendee ${proto.extendee} not found`);
    field.extendee = extendee;
  } else {
    const parent = parentOrFile;
    assert(parent.kind == "message");
    field.parent = parent;
    field.oneof = oneof;
    field.localName = oneof ? protoCamelCase(proto.name) : safeObjectProperty(protoCamelCase(proto.name));
    field.jsonName = proto.jsonName;
    toStr = () => `field ${parent.typeName}.${proto.name}`;
  }
  Object.defineProperty(field, "toString", {
    value: toStr,
    writable: true,
    enumerable: true,
    configurable: true
  });
  const label = proto.label;
  const type = proto.type;
  const jstype = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.jstype;
  if (label === LABEL_REPEATED) {
    const mapEntry = type == TYPE_MESSAGE ? mapEntries === null || mapEntries === void 0 ? void 0 : mapEntries.get(trimLeadingDot(proto.typeName)) : void 0;
    if (mapEntry) {
      field.fieldKind = "map";
      const { key, value } = findMapEntryFields(mapEntry);
      field.mapKey = key.scalar;
      field.mapKind = value.fieldKind;
      field.message = value.message;
      field.delimitedEncoding = false;
      field.enum = value.enum;
      field.scalar = value.scalar;
      return field;
    }
    field.fieldKind = "list";
    switch (type) {
      case TYPE_MESSAGE:
      case TYPE_GROUP:
        field.listKind = "message";
        field.message = reg.getMessage(trimLeadingDot(proto.typeName));
        assert(field.message);
        field.delimitedEncoding = isDelimitedEncoding(proto, parentOrFile);
        break;
      case TYPE_ENUM:
        field.listKind = "enum";
        field.enum = reg.getEnum(trimLeadingDot(proto.typeName));
        assert(field.enum);
        break;
      default:
        field.listKind = "scalar";
        field.scalar = type;
        field.longAsString = jstype == JS_STRING;
        break;
    }
    field.packed = isPackedField(proto, parentOrFile);
    return field;
  }
  switch (type) {
    case TYPE_MESSAGE:
    case TYPE_GROUP:
      field.fieldKind = "message";
      field.message = reg.getMessage(trimLeadingDot(proto.typeName));
      assert(field.message, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
      field.delimitedEncoding = isDelimitedEncoding(proto, parentOrFile);
      field.getDefaultValue = () => void 0;
      break;
    case TYPE_ENUM: {
      const enumeration = reg.getEnum(trimLeadingDot(proto.typeName));
      assert(enumeration !== void 0, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
      field.fieldKind = "enum";
      field.enum = reg.getEnum(trimLeadingDot(proto.typeName));
      field.getDefaultValue = () => {
        return unsafeIsSetExplicit(proto, "defaultValue") ? parseTextFormatEnumValue(enumeration, proto.defaultValue) : void 0;
      };
      break;
    }
    default: {
      field.fieldKind = "scalar";
      field.scalar = type;
      field.longAsString = jstype == JS_STRING;
      field.getDefaultValue = () => {
        return unsafeIsSetExplicit(proto, "defaultValue") ? parseTextFormatScalarValue(type, proto.defaultValue) : void 0;
      };
      break;
    }
  }
  return field;
}
function getFileEdition(proto) {
  switch (proto.syntax) {
    case "":
    case "proto2":
      return EDITION_PROTO22;
    case "proto3":
      return EDITION_PROTO32;
    case "editions":
      if (proto.edition === EDITION_UNSTABLE) {
        return maximumEdition;
      }
      if (proto.edition in featureDefaults) {
        return proto.edition;
      }
      throw new Error(`${proto.name}: unsupported edition`);
    default:
      throw new Error(`${proto.name}: unsupported syntax "${proto.syntax}"`);
  }
}
function findFileDependencies(proto, reg) {
  return proto.dependency.map((wantName) => {
    const dep = reg.getFile(wantName);
    if (!dep) {
      throw new Error(`Cannot find ${wantName}, imported by ${proto.name}`);
    }
    return dep;
  });
}
function findEnumSharedPrefix(enumName, values) {
  const prefix = camelToSnakeCase(enumName) + "_";
  for (const value of values) {
    if (!value.name.toLowerCase().startsWith(prefix)) {
      return void 0;
    }
    const shortName = value.name.substring(prefix.length);
    if (shortName.length == 0) {
      return void 0;
    }
    if (/^\d/.test(shortName)) {
      return void 0;
    }
  }
  return prefix;
}
function findEnumValueJsonName(proto) {
  var _a, _b;
  const extensionNumber = 998;
  const fieldNumber = 1;
  let jsonName;
  for (const uf of (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.$unknown) !== null && _b !== void 0 ? _b : []) {
    if (uf.no !== extensionNumber || uf.wireType !== WireType.LengthDelimited) {
      continue;
    }
    const reader = new BinaryReader(new BinaryReader(uf.data).bytes());
    while (reader.pos < reader.len) {
      const [no, wireType] = reader.tag();
      if (no === fieldNumber && wireType === WireType.LengthDelimited) {
        jsonName = reader.string();
      } else {
        reader.skip(wireType, no);
      }
    }
  }
  return jsonName;
}
function camelToSnakeCase(camel) {
  return (camel.substring(0, 1) + camel.substring(1).replace(/[A-Z]/g, (c) => "_" + c)).toLowerCase();
}
function makeTypeName(proto, parent, file) {
  let typeName;
  if (parent) {
    typeName = `${parent.typeName}.${proto.name}`;
  } else if (file.proto.package.length > 0) {
    typeName = `${file.proto.package}.${proto.name}`;
  } else {
    typeName = `${proto.name}`;
  }
  return typeName;
}
function trimLeadingDot(typeName) {
  return typeName.startsWith(".") ? typeName.substring(1) : typeName;
}
function findOneof(proto, allOneofs) {
  if (!unsafeIsSetExplicit(proto, "oneofIndex")) {
    return void 0;
  }
  if (proto.proto3Optional) {
    return void 0;
  }
  const oneof = allOneofs[proto.oneofIndex];
  assert(oneof, `invalid FieldDescriptorProto: oneof #${proto.oneofIndex} for field #${proto.number} not found`);
  return oneof;
}
function getFieldPresence(proto, oneof, isExtension, parent) {
  if (proto.label == LABEL_REQUIRED) {
    return LEGACY_REQUIRED;
  }
  if (proto.label == LABEL_REPEATED) {
    return IMPLICIT2;
  }
  if (!!oneof || proto.proto3Optional) {
    return EXPLICIT;
  }
  if (isExtension) {
    return EXPLICIT;
  }
  const resolved = resolveFeature("fieldPresence", { proto, parent });
  if (resolved == IMPLICIT2 && (proto.type == TYPE_MESSAGE || proto.type == TYPE_GROUP)) {
    return EXPLICIT;
  }
  return resolved;
}
function isPackedField(proto, parent) {
  if (proto.label != LABEL_REPEATED) {
    return false;
  }
  switch (proto.type) {
    case TYPE_STRING:
    case TYPE_BYTES:
    case TYPE_GROUP:
    case TYPE_MESSAGE:
      return false;
  }
  const o = proto.options;
  if (o && unsafeIsSetExplicit(o, "packed")) {
    return o.packed;
  }
  return PACKED == resolveFeature("repeatedFieldEncoding", {
    proto,
    parent
  });
}
function findMapEntryFields(mapEntry) {
  const key = mapEntry.fields.find((f) => f.number === 1);
  const value = mapEntry.fields.find((f) => f.number === 2);
  assert(key && key.fieldKind == "scalar" && key.scalar != ScalarType.BYTES && key.scalar != ScalarType.FLOAT && key.scalar != ScalarType.DOUBLE && value && value.fieldKind != "list" && value.fieldKind != "map");
  return { key, value };
}
function isEnumOpen(desc) {
  var _a;
  return OPEN == resolveFeature("enumType", {
    proto: desc.proto,
    parent: (_a = desc.parent) !== null && _a !== void 0 ? _a : desc.file
  });
}
function isDelimitedEncoding(proto, parent) {
  if (proto.type == TYPE_GROUP) {
    return true;
  }
  return DELIMITED == resolveFeature("messageEncoding", {
    proto,
    parent
  });
}
function isUtf8Validated(proto, parent) {
  return VERIFY == resolveFeature("utf8Validation", {
    proto,
    parent
  });
}
function resolveFeature(name, ref) {
  var _a, _b;
  const featureSet = (_a = ref.proto.options) === null || _a === void 0 ? void 0 : _a.features;
  if (featureSet) {
    const val = featureSet[name];
    if (val != 0) {
      return val;
    }
  }
  if ("kind" in ref) {
    if (ref.kind == "message") {
      return resolveFeature(name, (_b = ref.parent) !== null && _b !== void 0 ? _b : ref.file);
    }
    const editionDefaults = featureDefaults[ref.edition];
    if (!editionDefaults) {
      throw new Error(`feature default for edition ${ref.edition} not found`);
    }
    return editionDefaults[name];
  }
  return resolveFeature(name, ref.parent);
}
function assert(condition, msg) {
  if (!condition) {
    throw new Error(msg);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/boot.js
function boot(boot2) {
  const root = bootFileDescriptorProto(boot2);
  root.messageType.forEach(restoreJsonNames);
  const reg = createEmbeddedFileRegistry(root, () => void 0);
  return reg.getFile(root.name);
}
function bootFileDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    syntax: "",
    edition: 0
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FileDescriptorProto", dependency: [], publicDependency: [], weakDependency: [], optionDependency: [], service: [], extension: [] }, init), { messageType: init.messageType.map(bootDescriptorProto), enumType: init.enumType.map(bootEnumDescriptorProto) }));
}
function bootDescriptorProto(init) {
  var _a, _b, _c, _d, _e, _f, _g, _h;
  const proto = /* @__PURE__ */ Object.create({
    visibility: 0
  });
  return Object.assign(proto, {
    $typeName: "google.protobuf.DescriptorProto",
    name: init.name,
    field: (_b = (_a = init.field) === null || _a === void 0 ? void 0 : _a.map(bootFieldDescriptorProto)) !== null && _b !== void 0 ? _b : [],
    extension: [],
    nestedType: (_d = (_c = init.nestedType) === null || _c === void 0 ? void 0 : _c.map(bootDescriptorProto)) !== null && _d !== void 0 ? _d : [],
    enumType: (_f = (_e = init.enumType) === null || _e === void 0 ? void 0 : _e.map(bootEnumDescriptorProto)) !== null && _f !== void 0 ? _f : [],
    extensionRange: (_h = (_g = init.extensionRange) === null || _g === void 0 ? void 0 : _g.map((e) => Object.assign({ $typeName: "google.protobuf.DescriptorProto.ExtensionRange" }, e))) !== null && _h !== void 0 ? _h : [],
    oneofDecl: [],
    reservedRange: [],
    reservedName: []
  });
}
function bootFieldDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    label: 1,
    typeName: "",
    extendee: "",
    defaultValue: "",
    oneofIndex: 0,
    jsonName: "",
    proto3Optional: false
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldDescriptorProto" }, init), { options: init.options ? bootFieldOptions(init.options) : void 0 }));
}
function bootFieldOptions(init) {
  var _a, _b, _c;
  const proto = /* @__PURE__ */ Object.create({
    ctype: 0,
    packed: false,
    jstype: 0,
    lazy: false,
    unverifiedLazy: false,
    deprecated: false,
    weak: false,
    debugRedact: false,
    retention: 0
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldOptions" }, init), { targets: (_a = init.targets) !== null && _a !== void 0 ? _a : [], editionDefaults: (_c = (_b = init.editionDefaults) === null || _b === void 0 ? void 0 : _b.map((e) => Object.assign({ $typeName: "google.protobuf.FieldOptions.EditionDefault" }, e))) !== null && _c !== void 0 ? _c : [], uninterpretedOption: [] }));
}
function bootEnumDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    visibility: 0
  });
  return Object.assign(proto, {
    $typeName: "google.protobuf.EnumDescriptorProto",
    name: init.name,
    reservedName: [],
    reservedRange: [],
    value: init.value.map((e) => Object.assign({ $typeName: "google.protobuf.EnumValueDescriptorProto" }, e))
  });
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/message.js
function messageDesc(file, path, ...paths) {
  return paths.reduce((acc, cur) => acc.nestedMessages[cur], file.messages[path]);
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/descriptor_pb.js
var file_google_protobuf_descriptor = /* @__PURE__ */ boot({ "name": "google/protobuf/descriptor.proto", "package": "google.protobuf", "messageType": [{ "name": "FileDescriptorSet", "field": [{ "name": "file", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FileDescriptorProto" }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "FileDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "package", "number": 2, "type": 9, "label": 1 }, { "name": "dependency", "number": 3, "type": 9, "label": 3 }, { "name": "public_dependency", "number": 10, "type": 5, "label": 3 }, { "name": "weak_dependency", "number": 11, "type": 5, "label": 3 }, { "name": "option_dependency", "number": 15, "type": 9, "label": 3 }, { "name": "message_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "service", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.ServiceDescriptorProto" }, { "name": "extension", "number": 7, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FileOptions" }, { "name": "source_code_info", "number": 9, "type": 11, "label": 1, "typeName": ".google.protobuf.SourceCodeInfo" }, { "name": "syntax", "number": 12, "type": 9, "label": 1 }, { "name": "edition", "number": 14, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }] }, { "name": "DescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "field", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "extension", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "nested_type", "number": 3, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "extension_range", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ExtensionRange" }, { "name": "oneof_decl", "number": 8, "type": 11, "label": 3, "typeName": ".google.protobuf.OneofDescriptorProto" }, { "name": "options", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.MessageOptions" }, { "name": "reserved_range", "number": 9, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ReservedRange" }, { "name": "reserved_name", "number": 10, "type": 9, "label": 3 }, { "name": "visibility", "number": 11, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "ExtensionRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions" }] }, { "name": "ReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "ExtensionRangeOptions", "field": [{ "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }, { "name": "declaration", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.ExtensionRangeOptions.Declaration", "options": { "retention": 2 } }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "verification", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions.VerificationState", "defaultValue": "UNVERIFIED", "options": { "retention": 2 } }], "nestedType": [{ "name": "Declaration", "field": [{ "name": "number", "number": 1, "type": 5, "label": 1 }, { "name": "full_name", "number": 2, "type": 9, "label": 1 }, { "name": "type", "number": 3, "type": 9, "label": 1 }, { "name": "reserved", "number": 5, "type": 8, "label": 1 }, { "name": "repeated", "number": 6, "type": 8, "label": 1 }] }], "enumType": [{ "name": "VerificationState", "value": [{ "name": "DECLARATION", "number": 0 }, { "name": "UNVERIFIED", "number": 1 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 3, "type": 5, "label": 1 }, { "name": "label", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Label" }, { "name": "type", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Type" }, { "name": "type_name", "number": 6, "type": 9, "label": 1 }, { "name": "extendee", "number": 2, "type": 9, "label": 1 }, { "name": "default_value", "number": 7, "type": 9, "label": 1 }, { "name": "oneof_index", "number": 9, "type": 5, "label": 1 }, { "name": "json_name", "number": 10, "type": 9, "label": 1 }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions" }, { "name": "proto3_optional", "number": 17, "type": 8, "label": 1 }], "enumType": [{ "name": "Type", "value": [{ "name": "TYPE_DOUBLE", "number": 1 }, { "name": "TYPE_FLOAT", "number": 2 }, { "name": "TYPE_INT64", "number": 3 }, { "name": "TYPE_UINT64", "number": 4 }, { "name": "TYPE_INT32", "number": 5 }, { "name": "TYPE_FIXED64", "number": 6 }, { "name": "TYPE_FIXED32", "number": 7 }, { "name": "TYPE_BOOL", "number": 8 }, { "name": "TYPE_STRING", "number": 9 }, { "name": "TYPE_GROUP", "number": 10 }, { "name": "TYPE_MESSAGE", "number": 11 }, { "name": "TYPE_BYTES", "number": 12 }, { "name": "TYPE_UINT32", "number": 13 }, { "name": "TYPE_ENUM", "number": 14 }, { "name": "TYPE_SFIXED32", "number": 15 }, { "name": "TYPE_SFIXED64", "number": 16 }, { "name": "TYPE_SINT32", "number": 17 }, { "name": "TYPE_SINT64", "number": 18 }] }, { "name": "Label", "value": [{ "name": "LABEL_OPTIONAL", "number": 1 }, { "name": "LABEL_REPEATED", "number": 3 }, { "name": "LABEL_REQUIRED", "number": 2 }] }] }, { "name": "OneofDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "options", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.OneofOptions" }] }, { "name": "EnumDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "value", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumValueDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumOptions" }, { "name": "reserved_range", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto.EnumReservedRange" }, { "name": "reserved_name", "number": 5, "type": 9, "label": 3 }, { "name": "visibility", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "EnumReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "EnumValueDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumValueOptions" }] }, { "name": "ServiceDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "method", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.MethodDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ServiceOptions" }] }, { "name": "MethodDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "input_type", "number": 2, "type": 9, "label": 1 }, { "name": "output_type", "number": 3, "type": 9, "label": 1 }, { "name": "options", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.MethodOptions" }, { "name": "client_streaming", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "server_streaming", "number": 6, "type": 8, "label": 1, "defaultValue": "false" }] }, { "name": "FileOptions", "field": [{ "name": "java_package", "number": 1, "type": 9, "label": 1 }, { "name": "java_outer_classname", "number": 8, "type": 9, "label": 1 }, { "name": "java_multiple_files", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": {} }, { "name": "java_generate_equals_and_hash", "number": 20, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "java_string_check_utf8", "number": 27, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "optimize_for", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FileOptions.OptimizeMode", "defaultValue": "SPEED" }, { "name": "go_package", "number": 11, "type": 9, "label": 1 }, { "name": "cc_generic_services", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "java_generic_services", "number": 17, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "py_generic_services", "number": 18, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 23, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "cc_enable_arenas", "number": 31, "type": 8, "label": 1, "defaultValue": "true", "options": {} }, { "name": "objc_class_prefix", "number": 36, "type": 9, "label": 1 }, { "name": "csharp_namespace", "number": 37, "type": 9, "label": 1 }, { "name": "swift_prefix", "number": 39, "type": 9, "label": 1 }, { "name": "php_class_prefix", "number": 40, "type": 9, "label": 1 }, { "name": "php_namespace", "number": 41, "type": 9, "label": 1 }, { "name": "php_metadata_namespace", "number": 44, "type": 9, "label": 1 }, { "name": "ruby_package", "number": 45, "type": 9, "label": 1 }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "OptimizeMode", "value": [{ "name": "SPEED", "number": 1 }, { "name": "CODE_SIZE", "number": 2 }, { "name": "LITE_RUNTIME", "number": 3 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MessageOptions", "field": [{ "name": "message_set_wire_format", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "no_standard_descriptor_accessor", "number": 2, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "map_entry", "number": 7, "type": 8, "label": 1 }, { "name": "deprecated_legacy_json_field_conflicts", "number": 11, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 12, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldOptions", "field": [{ "name": "ctype", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.CType", "defaultValue": "STRING" }, { "name": "packed", "number": 2, "type": 8, "label": 1 }, { "name": "jstype", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.JSType", "defaultValue": "JS_NORMAL" }, { "name": "lazy", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "unverified_lazy", "number": 15, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "weak", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": { "deprecated": true } }, { "name": "debug_redact", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "retention", "number": 17, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.OptionRetention" }, { "name": "targets", "number": 19, "type": 14, "label": 3, "typeName": ".google.protobuf.FieldOptions.OptionTargetType" }, { "name": "edition_defaults", "number": 20, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldOptions.EditionDefault" }, { "name": "features", "number": 21, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "feature_support", "number": 22, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "nestedType": [{ "name": "EditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "value", "number": 2, "type": 9, "label": 1 }] }, { "name": "FeatureSupport", "field": [{ "name": "edition_introduced", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "edition_deprecated", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "deprecation_warning", "number": 3, "type": 9, "label": 1 }, { "name": "edition_removed", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "removal_error", "number": 5, "type": 9, "label": 1 }] }], "enumType": [{ "name": "CType", "value": [{ "name": "STRING", "number": 0 }, { "name": "CORD", "number": 1 }, { "name": "STRING_PIECE", "number": 2 }] }, { "name": "JSType", "value": [{ "name": "JS_NORMAL", "number": 0 }, { "name": "JS_STRING", "number": 1 }, { "name": "JS_NUMBER", "number": 2 }] }, { "name": "OptionRetention", "value": [{ "name": "RETENTION_UNKNOWN", "number": 0 }, { "name": "RETENTION_RUNTIME", "number": 1 }, { "name": "RETENTION_SOURCE", "number": 2 }] }, { "name": "OptionTargetType", "value": [{ "name": "TARGET_TYPE_UNKNOWN", "number": 0 }, { "name": "TARGET_TYPE_FILE", "number": 1 }, { "name": "TARGET_TYPE_EXTENSION_RANGE", "number": 2 }, { "name": "TARGET_TYPE_MESSAGE", "number": 3 }, { "name": "TARGET_TYPE_FIELD", "number": 4 }, { "name": "TARGET_TYPE_ONEOF", "number": 5 }, { "name": "TARGET_TYPE_ENUM", "number": 6 }, { "name": "TARGET_TYPE_ENUM_ENTRY", "number": 7 }, { "name": "TARGET_TYPE_SERVICE", "number": 8 }, { "name": "TARGET_TYPE_METHOD", "number": 9 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "OneofOptions", "field": [{ "name": "features", "number": 1, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumOptions", "field": [{ "name": "allow_alias", "number": 2, "type": 8, "label": 1 }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated_legacy_json_field_conflicts", "number": 6, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumValueOptions", "field": [{ "name": "deprecated", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "features", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "debug_redact", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "feature_support", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "ServiceOptions", "field": [{ "name": "features", "number": 34, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MethodOptions", "field": [{ "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "idempotency_level", "number": 34, "type": 14, "label": 1, "typeName": ".google.protobuf.MethodOptions.IdempotencyLevel", "defaultValue": "IDEMPOTENCY_UNKNOWN" }, { "name": "features", "number": 35, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "IdempotencyLevel", "value": [{ "name": "IDEMPOTENCY_UNKNOWN", "number": 0 }, { "name": "NO_SIDE_EFFECTS", "number": 1 }, { "name": "IDEMPOTENT", "number": 2 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "UninterpretedOption", "field": [{ "name": "name", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption.NamePart" }, { "name": "identifier_value", "number": 3, "type": 9, "label": 1 }, { "name": "positive_int_value", "number": 4, "type": 4, "label": 1 }, { "name": "negative_int_value", "number": 5, "type": 3, "label": 1 }, { "name": "double_value", "number": 6, "type": 1, "label": 1 }, { "name": "string_value", "number": 7, "type": 12, "label": 1 }, { "name": "aggregate_value", "number": 8, "type": 9, "label": 1 }], "nestedType": [{ "name": "NamePart", "field": [{ "name": "name_part", "number": 1, "type": 9, "label": 2 }, { "name": "is_extension", "number": 2, "type": 8, "label": 2 }] }] }, { "name": "FeatureSet", "field": [{ "name": "field_presence", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.FieldPresence", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPLICIT", "edition": 900 }, { "value": "IMPLICIT", "edition": 999 }, { "value": "EXPLICIT", "edition": 1e3 }] } }, { "name": "enum_type", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnumType", "options": { "retention": 1, "targets": [6, 1], "editionDefaults": [{ "value": "CLOSED", "edition": 900 }, { "value": "OPEN", "edition": 999 }] } }, { "name": "repeated_field_encoding", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.RepeatedFieldEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPANDED", "edition": 900 }, { "value": "PACKED", "edition": 999 }] } }, { "name": "utf8_validation", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.Utf8Validation", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "NONE", "edition": 900 }, { "value": "VERIFY", "edition": 999 }] } }, { "name": "message_encoding", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.MessageEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "LENGTH_PREFIXED", "edition": 900 }] } }, { "name": "json_format", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.JsonFormat", "options": { "retention": 1, "targets": [3, 6, 1], "editionDefaults": [{ "value": "LEGACY_BEST_EFFORT", "edition": 900 }, { "value": "ALLOW", "edition": 999 }] } }, { "name": "enforce_naming_style", "number": 7, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnforceNamingStyle", "options": { "retention": 2, "targets": [1, 2, 3, 4, 5, 6, 7, 8, 9], "editionDefaults": [{ "value": "STYLE_LEGACY", "edition": 900 }, { "value": "STYLE2024", "edition": 1001 }, { "value": "STYLE2026", "edition": 1002 }] } }, { "name": "default_symbol_visibility", "number": 8, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.VisibilityFeature.DefaultSymbolVisibility", "options": { "retention": 2, "targets": [1], "editionDefaults": [{ "value": "EXPORT_ALL", "edition": 900 }, { "value": "EXPORT_TOP_LEVEL", "edition": 1001 }, { "value": "STRICT", "edition": 1002 }] } }, { "name": "enforce_proto_limits", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.ProtoLimitsFeature.EnforceProtoLimits", "options": { "retention": 2, "targets": [6, 3, 4, 5], "editionDefaults": [{ "value": "LEGACY_NO_EXPLICIT_LIMITS", "edition": 900 }, { "value": "PROTO_LIMITS2026", "edition": 1002 }] } }], "nestedType": [{ "name": "VisibilityFeature", "enumType": [{ "name": "DefaultSymbolVisibility", "value": [{ "name": "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", "number": 0 }, { "name": "EXPORT_ALL", "number": 1 }, { "name": "EXPORT_TOP_LEVEL", "number": 2 }, { "name": "LOCAL_ALL", "number": 3 }, { "name": "STRICT", "number": 4 }] }] }, { "name": "ProtoLimitsFeature", "enumType": [{ "name": "EnforceProtoLimits", "value": [{ "name": "PROTO_LIMITS_UNKNOWN", "number": 0 }, { "name": "LEGACY_NO_EXPLICIT_LIMITS", "number": 1 }, { "name": "PROTO_LIMITS2026", "number": 2 }] }] }], "enumType": [{ "name": "FieldPresence", "value": [{ "name": "FIELD_PRESENCE_UNKNOWN", "number": 0 }, { "name": "EXPLICIT", "number": 1 }, { "name": "IMPLICIT", "number": 2 }, { "name": "LEGACY_REQUIRED", "number": 3 }] }, { "name": "EnumType", "value": [{ "name": "ENUM_TYPE_UNKNOWN", "number": 0 }, { "name": "OPEN", "number": 1 }, { "name": "CLOSED", "number": 2 }] }, { "name": "RepeatedFieldEncoding", "value": [{ "name": "REPEATED_FIELD_ENCODING_UNKNOWN", "number": 0 }, { "name": "PACKED", "number": 1 }, { "name": "EXPANDED", "number": 2 }] }, { "name": "Utf8Validation", "value": [{ "name": "UTF8_VALIDATION_UNKNOWN", "number": 0 }, { "name": "VERIFY", "number": 2 }, { "name": "NONE", "number": 3 }] }, { "name": "MessageEncoding", "value": [{ "name": "MESSAGE_ENCODING_UNKNOWN", "number": 0 }, { "name": "LENGTH_PREFIXED", "number": 1 }, { "name": "DELIMITED", "number": 2 }] }, { "name": "JsonFormat", "value": [{ "name": "JSON_FORMAT_UNKNOWN", "number": 0 }, { "name": "ALLOW", "number": 1 }, { "name": "LEGACY_BEST_EFFORT", "number": 2 }] }, { "name": "EnforceNamingStyle", "value": [{ "name": "ENFORCE_NAMING_STYLE_UNKNOWN", "number": 0 }, { "name": "STYLE2024", "number": 1 }, { "name": "STYLE_LEGACY", "number": 2 }, { "name": "STYLE2026", "number": 3 }] }], "extensionRange": [{ "start": 1e3, "end": 9995 }, { "start": 9995, "end": 1e4 }, { "start": 1e4, "end": 10001 }] }, { "name": "FeatureSetDefaults", "field": [{ "name": "defaults", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FeatureSetDefaults.FeatureSetEditionDefault" }, { "name": "minimum_edition", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "maximum_edition", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }], "nestedType": [{ "name": "FeatureSetEditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "overridable_features", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "fixed_features", "number": 5, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }] }] }, { "name": "SourceCodeInfo", "field": [{ "name": "location", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.SourceCodeInfo.Location" }], "nestedType": [{ "name": "Location", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "span", "number": 2, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "leading_comments", "number": 3, "type": 9, "label": 1 }, { "name": "trailing_comments", "number": 4, "type": 9, "label": 1 }, { "name": "leading_detached_comments", "number": 6, "type": 9, "label": 3 }] }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "GeneratedCodeInfo", "field": [{ "name": "annotation", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation" }], "nestedType": [{ "name": "Annotation", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "source_file", "number": 2, "type": 9, "label": 1 }, { "name": "begin", "number": 3, "type": 5, "label": 1 }, { "name": "end", "number": 4, "type": 5, "label": 1 }, { "name": "semantic", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation.Semantic" }], "enumType": [{ "name": "Semantic", "value": [{ "name": "NONE", "number": 0 }, { "name": "SET", "number": 1 }, { "name": "ALIAS", "number": 2 }] }] }] }], "enumType": [{ "name": "Edition", "value": [{ "name": "EDITION_UNKNOWN", "number": 0 }, { "name": "EDITION_LEGACY", "number": 900 }, { "name": "EDITION_PROTO2", "number": 998 }, { "name": "EDITION_PROTO3", "number": 999 }, { "name": "EDITION_2023", "number": 1e3 }, { "name": "EDITION_2024", "number": 1001 }, { "name": "EDITION_2026", "number": 1002 }, { "name": "EDITION_UNSTABLE", "number": 9999 }, { "name": "EDITION_1_TEST_ONLY", "number": 1 }, { "name": "EDITION_2_TEST_ONLY", "number": 2 }, { "name": "EDITION_99997_TEST_ONLY", "number": 99997 }, { "name": "EDITION_99998_TEST_ONLY", "number": 99998 }, { "name": "EDITION_99999_TEST_ONLY", "number": 99999 }, { "name": "EDITION_MAX", "number": 2147483647 }] }, { "name": "SymbolVisibility", "value": [{ "name": "VISIBILITY_UNSET", "number": 0 }, { "name": "VISIBILITY_LOCAL", "number": 1 }, { "name": "VISIBILITY_EXPORT", "number": 2 }] }] });
var FileDescriptorProtoSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_descriptor, 1);
var ExtensionRangeOptions_VerificationState;
(function(ExtensionRangeOptions_VerificationState2) {
  ExtensionRangeOptions_VerificationState2[ExtensionRangeOptions_VerificationState2["DECLARATION"] = 0] = "DECLARATION";
  ExtensionRangeOptions_VerificationState2[ExtensionRangeOptions_VerificationState2["UNVERIFIED"] = 1] = "UNVERIFIED";
})(ExtensionRangeOptions_VerificationState || (ExtensionRangeOptions_VerificationState = {}));
var FieldDescriptorProto_Type;
(function(FieldDescriptorProto_Type2) {
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["DOUBLE"] = 1] = "DOUBLE";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FLOAT"] = 2] = "FLOAT";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["INT64"] = 3] = "INT64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["UINT64"] = 4] = "UINT64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["INT32"] = 5] = "INT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FIXED64"] = 6] = "FIXED64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FIXED32"] = 7] = "FIXED32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["BOOL"] = 8] = "BOOL";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["STRING"] = 9] = "STRING";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["GROUP"] = 10] = "GROUP";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["MESSAGE"] = 11] = "MESSAGE";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["BYTES"] = 12] = "BYTES";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["UINT32"] = 13] = "UINT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["ENUM"] = 14] = "ENUM";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SFIXED32"] = 15] = "SFIXED32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SFIXED64"] = 16] = "SFIXED64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SINT32"] = 17] = "SINT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SINT64"] = 18] = "SINT64";
})(FieldDescriptorProto_Type || (FieldDescriptorProto_Type = {}));
var FieldDescriptorProto_Label;
(function(FieldDescriptorProto_Label2) {
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["OPTIONAL"] = 1] = "OPTIONAL";
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["REPEATED"] = 3] = "REPEATED";
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["REQUIRED"] = 2] = "REQUIRED";
})(FieldDescriptorProto_Label || (FieldDescriptorProto_Label = {}));
var FileOptions_OptimizeMode;
(function(FileOptions_OptimizeMode2) {
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["SPEED"] = 1] = "SPEED";
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["CODE_SIZE"] = 2] = "CODE_SIZE";
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["LITE_RUNTIME"] = 3] = "LITE_RUNTIME";
})(FileOptions_OptimizeMode || (FileOptions_OptimizeMode = {}));
var FieldOptions_CType;
(function(FieldOptions_CType2) {
  FieldOptions_CType2[FieldOptions_CType2["STRING"] = 0] = "STRING";
  FieldOptions_CType2[FieldOptions_CType2["CORD"] = 1] = "CORD";
  FieldOptions_CType2[FieldOptions_CType2["STRING_PIECE"] = 2] = "STRING_PIECE";
})(FieldOptions_CType || (FieldOptions_CType = {}));
var FieldOptions_JSType;
(function(FieldOptions_JSType2) {
  FieldOptions_JSType2[FieldOptions_JSType2["JS_NORMAL"] = 0] = "JS_NORMAL";
  FieldOptions_JSType2[FieldOptions_JSType2["JS_STRING"] = 1] = "JS_STRING";
  FieldOptions_JSType2[FieldOptions_JSType2["JS_NUMBER"] = 2] = "JS_NUMBER";
})(FieldOptions_JSType || (FieldOptions_JSType = {}));
var FieldOptions_OptionRetention;
(function(FieldOptions_OptionRetention2) {
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_UNKNOWN"] = 0] = "RETENTION_UNKNOWN";
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_RUNTIME"] = 1] = "RETENTION_RUNTIME";
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_SOURCE"] = 2] = "RETENTION_SOURCE";
})(FieldOptions_OptionRetention || (FieldOptions_OptionRetention = {}));
var FieldOptions_OptionTargetType;
(function(FieldOptions_OptionTargetType2) {
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_UNKNOWN"] = 0] = "TARGET_TYPE_UNKNOWN";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_FILE"] = 1] = "TARGET_TYPE_FILE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_EXTENSION_RANGE"] = 2] = "TARGET_TYPE_EXTENSION_RANGE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_MESSAGE"] = 3] = "TARGET_TYPE_MESSAGE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_FIELD"] = 4] = "TARGET_TYPE_FIELD";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ONEOF"] = 5] = "TARGET_TYPE_ONEOF";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ENUM"] = 6] = "TARGET_TYPE_ENUM";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ENUM_ENTRY"] = 7] = "TARGET_TYPE_ENUM_ENTRY";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_SERVICE"] = 8] = "TARGET_TYPE_SERVICE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_METHOD"] = 9] = "TARGET_TYPE_METHOD";
})(FieldOptions_OptionTargetType || (FieldOptions_OptionTargetType = {}));
var MethodOptions_IdempotencyLevel;
(function(MethodOptions_IdempotencyLevel2) {
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["IDEMPOTENCY_UNKNOWN"] = 0] = "IDEMPOTENCY_UNKNOWN";
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["NO_SIDE_EFFECTS"] = 1] = "NO_SIDE_EFFECTS";
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["IDEMPOTENT"] = 2] = "IDEMPOTENT";
})(MethodOptions_IdempotencyLevel || (MethodOptions_IdempotencyLevel = {}));
var FeatureSet_VisibilityFeature_DefaultSymbolVisibility;
(function(FeatureSet_VisibilityFeature_DefaultSymbolVisibility2) {
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"] = 0] = "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["EXPORT_ALL"] = 1] = "EXPORT_ALL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["EXPORT_TOP_LEVEL"] = 2] = "EXPORT_TOP_LEVEL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["LOCAL_ALL"] = 3] = "LOCAL_ALL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["STRICT"] = 4] = "STRICT";
})(FeatureSet_VisibilityFeature_DefaultSymbolVisibility || (FeatureSet_VisibilityFeature_DefaultSymbolVisibility = {}));
var FeatureSet_ProtoLimitsFeature_EnforceProtoLimits;
(function(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2) {
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["PROTO_LIMITS_UNKNOWN"] = 0] = "PROTO_LIMITS_UNKNOWN";
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["LEGACY_NO_EXPLICIT_LIMITS"] = 1] = "LEGACY_NO_EXPLICIT_LIMITS";
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["PROTO_LIMITS2026"] = 2] = "PROTO_LIMITS2026";
})(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits || (FeatureSet_ProtoLimitsFeature_EnforceProtoLimits = {}));
var FeatureSet_FieldPresence;
(function(FeatureSet_FieldPresence2) {
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["FIELD_PRESENCE_UNKNOWN"] = 0] = "FIELD_PRESENCE_UNKNOWN";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["EXPLICIT"] = 1] = "EXPLICIT";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["IMPLICIT"] = 2] = "IMPLICIT";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["LEGACY_REQUIRED"] = 3] = "LEGACY_REQUIRED";
})(FeatureSet_FieldPresence || (FeatureSet_FieldPresence = {}));
var FeatureSet_EnumType;
(function(FeatureSet_EnumType2) {
  FeatureSet_EnumType2[FeatureSet_EnumType2["ENUM_TYPE_UNKNOWN"] = 0] = "ENUM_TYPE_UNKNOWN";
  FeatureSet_EnumType2[FeatureSet_EnumType2["OPEN"] = 1] = "OPEN";
  FeatureSet_EnumType2[FeatureSet_EnumType2["CLOSED"] = 2] = "CLOSED";
})(FeatureSet_EnumType || (FeatureSet_EnumType = {}));
var FeatureSet_RepeatedFieldEncoding;
(function(FeatureSet_RepeatedFieldEncoding2) {
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["REPEATED_FIELD_ENCODING_UNKNOWN"] = 0] = "REPEATED_FIELD_ENCODING_UNKNOWN";
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["PACKED"] = 1] = "PACKED";
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["EXPANDED"] = 2] = "EXPANDED";
})(FeatureSet_RepeatedFieldEncoding || (FeatureSet_RepeatedFieldEncoding = {}));
var FeatureSet_Utf8Validation;
(function(FeatureSet_Utf8Validation2) {
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["UTF8_VALIDATION_UNKNOWN"] = 0] = "UTF8_VALIDATION_UNKNOWN";
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["VERIFY"] = 2] = "VERIFY";
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["NONE"] = 3] = "NONE";
})(FeatureSet_Utf8Validation || (FeatureSet_Utf8Validation = {}));
var FeatureSet_MessageEncoding;
(function(FeatureSet_MessageEncoding2) {
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["MESSAGE_ENCODING_UNKNOWN"] = 0] = "MESSAGE_ENCODING_UNKNOWN";
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["LENGTH_PREFIXED"] = 1] = "LENGTH_PREFIXED";
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["DELIMITED"] = 2] = "DELIMITED";
})(FeatureSet_MessageEncoding || (FeatureSet_MessageEncoding = {}));
var FeatureSet_JsonFormat;
(function(FeatureSet_JsonFormat2) {
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["JSON_FORMAT_UNKNOWN"] = 0] = "JSON_FORMAT_UNKNOWN";
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["ALLOW"] = 1] = "ALLOW";
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["LEGACY_BEST_EFFORT"] = 2] = "LEGACY_BEST_EFFORT";
})(FeatureSet_JsonFormat || (FeatureSet_JsonFormat = {}));
var FeatureSet_EnforceNamingStyle;
(function(FeatureSet_EnforceNamingStyle2) {
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["ENFORCE_NAMING_STYLE_UNKNOWN"] = 0] = "ENFORCE_NAMING_STYLE_UNKNOWN";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE2024"] = 1] = "STYLE2024";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE_LEGACY"] = 2] = "STYLE_LEGACY";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE2026"] = 3] = "STYLE2026";
})(FeatureSet_EnforceNamingStyle || (FeatureSet_EnforceNamingStyle = {}));
var GeneratedCodeInfo_Annotation_Semantic;
(function(GeneratedCodeInfo_Annotation_Semantic2) {
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["NONE"] = 0] = "NONE";
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["SET"] = 1] = "SET";
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["ALIAS"] = 2] = "ALIAS";
})(GeneratedCodeInfo_Annotation_Semantic || (GeneratedCodeInfo_Annotation_Semantic = {}));
var Edition;
(function(Edition2) {
  Edition2[Edition2["EDITION_UNKNOWN"] = 0] = "EDITION_UNKNOWN";
  Edition2[Edition2["EDITION_LEGACY"] = 900] = "EDITION_LEGACY";
  Edition2[Edition2["EDITION_PROTO2"] = 998] = "EDITION_PROTO2";
  Edition2[Edition2["EDITION_PROTO3"] = 999] = "EDITION_PROTO3";
  Edition2[Edition2["EDITION_2023"] = 1e3] = "EDITION_2023";
  Edition2[Edition2["EDITION_2024"] = 1001] = "EDITION_2024";
  Edition2[Edition2["EDITION_2026"] = 1002] = "EDITION_2026";
  Edition2[Edition2["EDITION_UNSTABLE"] = 9999] = "EDITION_UNSTABLE";
  Edition2[Edition2["EDITION_1_TEST_ONLY"] = 1] = "EDITION_1_TEST_ONLY";
  Edition2[Edition2["EDITION_2_TEST_ONLY"] = 2] = "EDITION_2_TEST_ONLY";
  Edition2[Edition2["EDITION_99997_TEST_ONLY"] = 99997] = "EDITION_99997_TEST_ONLY";
  Edition2[Edition2["EDITION_99998_TEST_ONLY"] = 99998] = "EDITION_99998_TEST_ONLY";
  Edition2[Edition2["EDITION_99999_TEST_ONLY"] = 99999] = "EDITION_99999_TEST_ONLY";
  Edition2[Edition2["EDITION_MAX"] = 2147483647] = "EDITION_MAX";
})(Edition || (Edition = {}));
var SymbolVisibility;
(function(SymbolVisibility2) {
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_UNSET"] = 0] = "VISIBILITY_UNSET";
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_LOCAL"] = 1] = "VISIBILITY_LOCAL";
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_EXPORT"] = 2] = "VISIBILITY_EXPORT";
})(SymbolVisibility || (SymbolVisibility = {}));

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/file.js
function fileDesc(b64, imports) {
  var _a;
  const root = fromBinary2(FileDescriptorProtoSchema, base64Decode(b64));
  root.messageType.forEach(restoreJsonNames);
  root.dependency = (_a = imports === null || imports === void 0 ? void 0 : imports.map((f) => f.proto.name)) !== null && _a !== void 0 ? _a : [];
  const reg = createEmbeddedFileRegistry(root, (protoFileName) => imports === null || imports === void 0 ? void 0 : imports.find((f) => f.proto.name === protoFileName));
  return reg.getFile(root.name);
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/service.js
function serviceDesc(file, path, ...paths) {
  if (paths.length > 0) {
    throw new Error();
  }
  return file.services[path];
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/timestamp_pb.js
var file_google_protobuf_timestamp = /* @__PURE__ */ fileDesc("Ch9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvEg9nb29nbGUucHJvdG9idWYiKwoJVGltZXN0YW1wEg8KB3NlY29uZHMYASABKAMSDQoFbmFub3MYAiABKAVChQEKE2NvbS5nb29nbGUucHJvdG9idWZCDlRpbWVzdGFtcFByb3RvUAFaMmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3RpbWVzdGFtcHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/duration_pb.js
var file_google_protobuf_duration = /* @__PURE__ */ fileDesc("Ch5nb29nbGUvcHJvdG9idWYvZHVyYXRpb24ucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIqCghEdXJhdGlvbhIPCgdzZWNvbmRzGAEgASgDEg0KBW5hbm9zGAIgASgFQoMBChNjb20uZ29vZ2xlLnByb3RvYnVmQg1EdXJhdGlvblByb3RvUAFaMWdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2R1cmF0aW9ucGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/any_pb.js
var file_google_protobuf_any = /* @__PURE__ */ fileDesc("Chlnb29nbGUvcHJvdG9idWYvYW55LnByb3RvEg9nb29nbGUucHJvdG9idWYiJgoDQW55EhAKCHR5cGVfdXJsGAEgASgJEg0KBXZhbHVlGAIgASgMQnYKE2NvbS5nb29nbGUucHJvdG9idWZCCEFueVByb3RvUAFaLGdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2FueXBiogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc/gen/status_pb.js
var file_status = /* @__PURE__ */ fileDesc("CgxzdGF0dXMucHJvdG8SCmdvb2dsZS5ycGMiTgoGU3RhdHVzEgwKBGNvZGUYASABKAUSDwoHbWVzc2FnZRgCIAEoCRIlCgdkZXRhaWxzGAMgAygLMhQuZ29vZ2xlLnByb3RvYnVmLkFueUJeCg5jb20uZ29vZ2xlLnJwY0ILU3RhdHVzUHJvdG9QAVo3Z29vZ2xlLmdvbGFuZy5vcmcvZ2VucHJvdG8vZ29vZ2xlYXBpcy9ycGMvc3RhdHVzO3N0YXR1c6ICA1JQQ2IGcHJvdG8z", [file_google_protobuf_any]);
var StatusSchema = /* @__PURE__ */ messageDesc(file_status, 0);

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc/trailer-status.js
var import_protobuf3 = __toESM(require_cjs(), 1);
var grpcStatusOk = "0";
function findTrailerError(headerOrTrailer) {
  var _a;
  const statusBytes = headerOrTrailer.get(headerStatusDetailsBin);
  if (statusBytes != null) {
    const status = decodeBinaryHeader(statusBytes, StatusSchema);
    if (status.code == 0) {
      return void 0;
    }
    const error = new ConnectError(status.message, status.code, headerOrTrailer);
    error.details = status.details.map((any) => ({
      type: any.typeUrl.substring(any.typeUrl.lastIndexOf("/") + 1),
      value: any.value
    }));
    error.isWireError = true;
    return error;
  }
  const grpcStatus = headerOrTrailer.get(headerGrpcStatus);
  if (grpcStatus != null) {
    if (grpcStatus === grpcStatusOk) {
      return void 0;
    }
    const code = parseInt(grpcStatus, 10);
    let error;
    if (code in Code) {
      error = new ConnectError(decodeURIComponent((_a = headerOrTrailer.get(headerGrpcMessage)) !== null && _a !== void 0 ? _a : ""), code, headerOrTrailer);
    } else {
      error = new ConnectError(`invalid grpc-status: ${grpcStatus}`, Code.Internal, headerOrTrailer);
    }
    error.isWireError = true;
    return error;
  }
  return void 0;
}

// node_modules/@connectrpc/connect/dist/esm/protocol/create-method-url.js
function createMethodUrl(baseUrl, method) {
  return baseUrl.toString().replace(/\/?$/, `/${method.parent.typeName}/${method.name}`);
}

// node_modules/@connectrpc/connect/dist/esm/protocol/normalize.js
var import_protobuf4 = __toESM(require_cjs(), 1);
function normalize(desc, message) {
  return (0, import_protobuf4.create)(desc, message);
}
function normalizeIterable(desc, input) {
  function transform(result) {
    if (result.done === true) {
      return result;
    }
    return {
      done: result.done,
      value: normalize(desc, result.value)
    };
  }
  return {
    [Symbol.asyncIterator]() {
      const it = input[Symbol.asyncIterator]();
      const res = {
        next: () => it.next().then(transform)
      };
      if (it.throw !== void 0) {
        res.throw = (e) => it.throw(e).then(transform);
      }
      if (it.return !== void 0) {
        res.return = (v) => it.return(v).then(transform);
      }
      return res;
    }
  };
}

// node_modules/@connectrpc/connect/dist/esm/interceptor.js
function applyInterceptors(next, interceptors) {
  if (!interceptors) {
    return next;
  }
  for (const i of interceptors.concat().reverse()) {
    next = i(next);
  }
  return next;
}

// node_modules/@connectrpc/connect/dist/esm/protocol/serialization.js
var import_protobuf5 = __toESM(require_cjs(), 1);
function getJsonOptions(options) {
  var _a;
  const o = Object.assign({}, options);
  (_a = o.ignoreUnknownFields) !== null && _a !== void 0 ? _a : o.ignoreUnknownFields = true;
  return o;
}
function createClientMethodSerializers(method, useBinaryFormat, jsonOptions, binaryOptions) {
  const input = useBinaryFormat ? createBinarySerialization(method.input, binaryOptions) : createJsonSerialization(method.input, jsonOptions);
  const output = useBinaryFormat ? createBinarySerialization(method.output, binaryOptions) : createJsonSerialization(method.output, jsonOptions);
  return { parse: output.parse, serialize: input.serialize };
}
function createBinarySerialization(desc, options) {
  return {
    parse(data) {
      try {
        return (0, import_protobuf5.fromBinary)(desc, data, options);
      } catch (e) {
        const m = e instanceof Error ? e.message : String(e);
        throw new ConnectError(`parse binary: ${m}`, Code.Internal);
      }
    },
    serialize(data) {
      try {
        return (0, import_protobuf5.toBinary)(desc, data, options);
      } catch (e) {
        const m = e instanceof Error ? e.message : String(e);
        throw new ConnectError(`serialize binary: ${m}`, Code.Internal);
      }
    }
  };
}
function createJsonSerialization(desc, options) {
  var _a, _b;
  const textEncoder = (_a = options === null || options === void 0 ? void 0 : options.textEncoder) !== null && _a !== void 0 ? _a : new TextEncoder();
  const textDecoder = (_b = options === null || options === void 0 ? void 0 : options.textDecoder) !== null && _b !== void 0 ? _b : new TextDecoder();
  const o = getJsonOptions(options);
  return {
    parse(data) {
      try {
        const json = textDecoder.decode(data);
        return (0, import_protobuf5.fromJsonString)(desc, json, o);
      } catch (e) {
        throw ConnectError.from(e, Code.InvalidArgument);
      }
    },
    serialize(data) {
      try {
        const json = (0, import_protobuf5.toJsonString)(desc, data, o);
        return textEncoder.encode(json);
      } catch (e) {
        throw ConnectError.from(e, Code.Internal);
      }
    }
  };
}

// node_modules/@connectrpc/connect/dist/esm/protocol/run-call.js
function runUnaryCall(opt) {
  const next = applyInterceptors(opt.next, opt.interceptors);
  const [signal, abort, done] = setupSignal(opt);
  const req = Object.assign(Object.assign({}, opt.req), { message: normalize(opt.req.method.input, opt.req.message), signal });
  return next(req).then((res) => {
    done();
    return res;
  }, abort);
}
function runStreamingCall(opt) {
  const [signal, abort, done] = setupSignal(opt);
  let doneCalled = false;
  const aborted = new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
    } else {
      signal.addEventListener("abort", () => resolve());
    }
  });
  void aborted.then(() => {
    var _a, _b;
    const it = opt.req.message[Symbol.asyncIterator]();
    if (!doneCalled) {
      const error = ConnectError.from(getAbortSignalReason(signal), Code.Canceled);
      (_a = it.throw) === null || _a === void 0 ? void 0 : _a.call(it, error).catch(() => {
      });
    }
    (_b = it.return) === null || _b === void 0 ? void 0 : _b.call(it).catch(() => {
    });
  });
  const next = applyInterceptors(async (req2) => {
    const res = await opt.next(req2);
    const it = res.message[Symbol.asyncIterator]();
    void aborted.then(() => {
      var _a;
      return (_a = it.return) === null || _a === void 0 ? void 0 : _a.call(it).catch(() => {
      });
    });
    return Object.assign(Object.assign({}, res), {
      // This stream sits between the interceptors and the transport. Once
      // the call ends, it ends every read with the call's outcome. It races
      // each read against the signal, so it doesn't rely on the transport
      // honoring the signal.
      message: {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            const result = signal.aborted ? void 0 : await Promise.race([it.next(), aborted]);
            if (result !== void 0) {
              return result;
            }
            return doneCalled ? { done: true, value: void 0 } : abort(getAbortSignalReason(signal));
          }
        })
      }
    });
  }, opt.interceptors);
  const req = Object.assign(Object.assign({}, opt.req), { message: normalizeIterable(opt.req.method.input, opt.req.message), signal });
  return next(req).then((res) => {
    const it = res.message[Symbol.asyncIterator]();
    const drained = aborted.then(async () => {
      try {
        while ((await it.next()).done !== true) {
        }
      } catch (_a) {
      }
    });
    return Object.assign(Object.assign({}, res), { message: {
      [Symbol.asyncIterator]: () => ({
        async next() {
          if (signal.aborted) {
            await drained;
            return doneCalled ? { done: true, value: void 0 } : abort(getAbortSignalReason(signal));
          }
          try {
            const result = await it.next();
            if (result.done === true) {
              doneCalled = true;
              done();
            }
            return result;
          } catch (e) {
            return abort(e);
          }
        },
        async return(value) {
          if (!signal.aborted) {
            doneCalled = true;
            done();
          }
          await drained;
          return { done: true, value };
        },
        async throw(reason) {
          if (doneCalled) {
            throw ConnectError.from(reason);
          }
          try {
            return await abort(reason);
          } finally {
            await drained;
          }
        }
      })
    } });
  }, abort);
}
function setupSignal(opt) {
  const { signal, cleanup } = createDeadlineSignal(opt.timeoutMs);
  const controller = createLinkedAbortController(opt.signal, signal);
  return [
    controller.signal,
    function abort(reason) {
      const e = controller.signal.aborted ? ConnectError.from(getAbortSignalReason(controller.signal), Code.Canceled) : ConnectError.from(reason);
      controller.abort(e);
      cleanup();
      return Promise.reject(e);
    },
    function done() {
      cleanup();
      controller.abort();
    }
  ];
}

// node_modules/@connectrpc/connect-web/dist/esm/assert-fetch-api.js
function assertFetchApi() {
  try {
    new Headers();
  } catch (_) {
    throw new Error("connect-web requires the fetch API. Are you running on an old version of Node.js?");
  }
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc/validate-trailer.js
function validateTrailer(trailer, header) {
  const err = findTrailerError(trailer);
  if (err) {
    header.forEach((value, key) => {
      err.metadata.append(key, value);
    });
    throw err;
  }
  if (!header.has(headerGrpcStatus) && !trailer.has(headerGrpcStatus)) {
    throw new ConnectError("protocol error: missing status", Code.Internal);
  }
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc-web/request-header.js
function requestHeader(useBinaryFormat, timeoutMs, userProvidedHeaders, setUserAgent) {
  var _a, _b;
  const result = new Headers(userProvidedHeaders !== null && userProvidedHeaders !== void 0 ? userProvidedHeaders : {});
  result.set(headerContentType, useBinaryFormat ? contentTypeProto : contentTypeJson);
  result.set(headerXGrpcWeb, "1");
  const userAgent = (_b = (_a = result.get(headerUserAgent)) !== null && _a !== void 0 ? _a : result.get(headerXUserAgent)) !== null && _b !== void 0 ? _b : "connect-es/2.3.0";
  result.set(headerXUserAgent, userAgent);
  if (setUserAgent) {
    result.set(headerUserAgent, userAgent);
  }
  if (timeoutMs !== void 0) {
    result.set(headerTimeout, `${timeoutMs}m`);
  }
  return result;
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc/http-status.js
function codeFromHttpStatus(httpStatus) {
  switch (httpStatus) {
    case 400:
      return Code.Internal;
    case 401:
      return Code.Unauthenticated;
    case 403:
      return Code.PermissionDenied;
    case 404:
      return Code.Unimplemented;
    case 429:
      return Code.Unavailable;
    case 502:
      return Code.Unavailable;
    case 503:
      return Code.Unavailable;
    case 504:
      return Code.Unavailable;
    default:
      return Code.Unknown;
  }
}

// node_modules/@connectrpc/connect/dist/esm/protocol-grpc-web/validate-response.js
function validateResponse(status, headers) {
  var _a;
  if (status >= 200 && status < 300) {
    return {
      foundStatus: headers.has(headerGrpcStatus),
      headerError: findTrailerError(headers)
    };
  }
  throw new ConnectError(decodeURIComponent((_a = headers.get(headerGrpcMessage)) !== null && _a !== void 0 ? _a : `HTTP ${status}`), codeFromHttpStatus(status), headers);
}

// node_modules/@connectrpc/connect-web/dist/esm/grpc-web-transport.js
var __await3 = function(v) {
  return this instanceof __await3 ? (this.v = v, this) : new __await3(v);
};
var __asyncGenerator3 = function(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await3 ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
};
var fetchOptions = {
  redirect: "error"
};
function createGrpcWebTransport(options) {
  var _a;
  assertFetchApi();
  const useBinaryFormat = (_a = options.useBinaryFormat) !== null && _a !== void 0 ? _a : true;
  return {
    async unary(method, signal, timeoutMs, header, message, contextValues) {
      const { serialize, parse } = createClientMethodSerializers(method, useBinaryFormat, options.jsonOptions, options.binaryOptions);
      timeoutMs = timeoutMs === void 0 ? options.defaultTimeoutMs : timeoutMs <= 0 ? void 0 : timeoutMs;
      return await runUnaryCall({
        interceptors: options.interceptors,
        signal,
        timeoutMs,
        req: {
          stream: false,
          service: method.parent,
          method,
          requestMethod: "POST",
          url: createMethodUrl(options.baseUrl, method),
          header: requestHeader(useBinaryFormat, timeoutMs, header, false),
          contextValues: contextValues !== null && contextValues !== void 0 ? contextValues : createContextValues(),
          message
        },
        next: async (req) => {
          var _a2;
          const fetch = (_a2 = options.fetch) !== null && _a2 !== void 0 ? _a2 : globalThis.fetch;
          const response = await fetch(req.url, Object.assign(Object.assign({}, fetchOptions), { method: req.requestMethod, headers: req.header, signal: req.signal, body: encodeEnvelope(0, serialize(req.message)) }));
          const { headerError } = validateResponse(response.status, response.headers);
          if (!response.body) {
            if (headerError !== void 0)
              throw headerError;
            throw "missing response body";
          }
          const reader = createEnvelopeReadableStream(response.body).getReader();
          let trailer;
          let message2;
          for (; ; ) {
            const r = await reader.read();
            if (r.done) {
              break;
            }
            const { flags, data } = r.value;
            if ((flags & compressedFlag) === compressedFlag) {
              throw new ConnectError(`protocol error: received unsupported compressed output`, Code.Internal);
            }
            if (flags === trailerFlag) {
              if (trailer !== void 0) {
                throw "extra trailer";
              }
              trailer = trailerParse(data);
              continue;
            }
            if (message2 !== void 0) {
              throw new ConnectError("extra message", Code.Unimplemented);
            }
            message2 = parse(data);
          }
          if (trailer === void 0) {
            if (headerError !== void 0)
              throw headerError;
            throw new ConnectError("missing trailer", response.headers.has(headerGrpcStatus) ? Code.Unimplemented : Code.Unknown);
          }
          validateTrailer(trailer, response.headers);
          if (message2 === void 0) {
            throw new ConnectError("missing message", trailer.has(headerGrpcStatus) ? Code.Unimplemented : Code.Unknown);
          }
          return {
            stream: false,
            service: method.parent,
            method,
            header: response.headers,
            message: message2,
            trailer
          };
        }
      });
    },
    async stream(method, signal, timeoutMs, header, input, contextValues) {
      const { serialize, parse } = createClientMethodSerializers(method, useBinaryFormat, options.jsonOptions, options.binaryOptions);
      function parseResponseBody(body, foundStatus, trailerTarget, header2, signal2) {
        return __asyncGenerator3(this, arguments, function* parseResponseBody_1() {
          const reader = createEnvelopeReadableStream(body).getReader();
          if (foundStatus) {
            if (!(yield __await3(reader.read())).done) {
              throw "extra data for trailers-only";
            }
            return yield __await3(void 0);
          }
          let trailerReceived = false;
          for (; ; ) {
            const result = yield __await3(reader.read());
            if (result.done) {
              break;
            }
            const { flags, data } = result.value;
            if ((flags & trailerFlag) === trailerFlag) {
              if (trailerReceived) {
                throw "extra trailer";
              }
              trailerReceived = true;
              const trailer = trailerParse(data);
              validateTrailer(trailer, header2);
              trailer.forEach((value, key) => trailerTarget.set(key, value));
              continue;
            }
            if (trailerReceived) {
              throw "extra message";
            }
            yield yield __await3(parse(data));
          }
          if (!trailerReceived) {
            throw "missing trailer";
          }
        });
      }
      async function createRequestBody(input2) {
        if (method.methodKind != "server_streaming") {
          throw "The fetch API does not support streaming request bodies";
        }
        const r = await input2[Symbol.asyncIterator]().next();
        if (r.done == true) {
          throw "missing request message";
        }
        return encodeEnvelope(0, serialize(r.value));
      }
      timeoutMs = timeoutMs === void 0 ? options.defaultTimeoutMs : timeoutMs <= 0 ? void 0 : timeoutMs;
      return runStreamingCall({
        interceptors: options.interceptors,
        signal,
        timeoutMs,
        req: {
          stream: true,
          service: method.parent,
          method,
          requestMethod: "POST",
          url: createMethodUrl(options.baseUrl, method),
          header: requestHeader(useBinaryFormat, timeoutMs, header, false),
          contextValues: contextValues !== null && contextValues !== void 0 ? contextValues : createContextValues(),
          message: input
        },
        next: async (req) => {
          var _a2;
          const fetch = (_a2 = options.fetch) !== null && _a2 !== void 0 ? _a2 : globalThis.fetch;
          const fRes = await fetch(req.url, Object.assign(Object.assign({}, fetchOptions), { method: req.requestMethod, headers: req.header, signal: req.signal, body: await createRequestBody(req.message) }));
          const { foundStatus, headerError } = validateResponse(fRes.status, fRes.headers);
          if (headerError != void 0) {
            throw headerError;
          }
          if (!fRes.body) {
            throw "missing response body";
          }
          const trailer = new Headers();
          const res = Object.assign(Object.assign({}, req), { header: fRes.headers, trailer, message: parseResponseBody(fRes.body, foundStatus, trailer, fRes.headers, req.signal) });
          return res;
        }
      });
    }
  };
}

// ../clients/typescript/src/gen/handoff/v1/types_pb.ts
var file_handoff_v1_types = /* @__PURE__ */ fileDesc("ChZoYW5kb2ZmL3YxL3R5cGVzLnByb3RvEgpoYW5kb2ZmLnYxIqMBCghUZXJtaW5hbBIKCgJpZBgBIAEoCRIMCgRuYW1lGAIgASgJEhQKDGRpc3BsYXlfbmFtZRgDIAEoCRImCgRraW5kGAQgASgOMhguaGFuZG9mZi52MS5UZXJtaW5hbEtpbmQSLwoLY3JlYXRlX3RpbWUYBSABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wEg4KBmdyb3VwcxgGIAMoCSIqCgZDYWxsZXISCgoCaWQYASABKAkSFAoMZGlzcGxheV9uYW1lGAIgASgJIlYKC1BhcnRpY2lwYW50EhMKC3Rlcm1pbmFsX2lkGAEgASgJEh4KBHJvbGUYAiABKA4yEC5oYW5kb2ZmLnYxLlJvbGUSEgoKam9pbmVkX3NlcRgDIAEoBCKgAQoGVGVudXJlEhMKC3Rlcm1pbmFsX2lkGAEgASgJEhAKCGZyb21fc2VxGAIgASgEEhEKCXVudGlsX3NlcRgDIAEoBBIuCgpzdGFydF90aW1lGAQgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBIsCghlbmRfdGltZRgFIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXAiQAoOVHJhbnNmZXJUYXJnZXQSFQoLdGVybWluYWxfaWQYASABKAlIABIPCgVncm91cBgCIAEoCUgAQgYKBGtpbmQihQUKCFRyYW5zZmVyEgoKAmlkGAEgASgJEhIKCnNlc3Npb25faWQYAiABKAkSGAoQZnJvbV90ZXJtaW5hbF9pZBgDIAEoCRIqCgZ0YXJnZXQYBCABKAsyGi5oYW5kb2ZmLnYxLlRyYW5zZmVyVGFyZ2V0Ei4KBWZhY3RzGAUgAygLMh8uaGFuZG9mZi52MS5UcmFuc2Zlci5GYWN0c0VudHJ5EgwKBG5vdGUYBiABKAkSKAoFc3RhdGUYByABKA4yGS5oYW5kb2ZmLnYxLlRyYW5zZmVyU3RhdGUSEwoLb2ZmZXJlZF9zZXEYCCABKAQSLgoKb2ZmZXJfdGltZRgJIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXASLwoLZXhwaXJlX3RpbWUYCiABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wEi8KC2FjY2VwdF90aW1lGAsgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBI0ChBoYW5kb2ZmX2RlYWRsaW5lGAwgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBIsCghlbmRfdGltZRgNIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXASDgoGcmVhc29uGA4gASgJEh8KF29mZmVyZWRfdG9fdGVybWluYWxfaWRzGA8gAygJEh8KF2FjY2VwdGVkX2J5X3Rlcm1pbmFsX2lkGBAgASgJEiAKGGRlY2xpbmVkX2J5X3Rlcm1pbmFsX2lkcxgRIAMoCRosCgpGYWN0c0VudHJ5EgsKA2tleRgBIAEoCRINCgV2YWx1ZRgCIAEoCToCOAEizAUKB1Nlc3Npb24SCgoCaWQYASABKAkSJAoHY2hhbm5lbBgCIAEoDjITLmhhbmRvZmYudjEuQ2hhbm5lbBIiCgZjYWxsZXIYAyABKAsyEi5oYW5kb2ZmLnYxLkNhbGxlchIaChJjYWxsZXJfdGVybWluYWxfaWQYBCABKAkSGgoSaG9sZGVyX3Rlcm1pbmFsX2lkGAUgASgJEicKBXN0YXRlGAYgASgOMhguaGFuZG9mZi52MS5TZXNzaW9uU3RhdGUSLQoFZmFjdHMYByADKAsyHi5oYW5kb2ZmLnYxLlNlc3Npb24uRmFjdHNFbnRyeRIQCghsYXN0X3NlcRgIIAEoBBIvCgtjcmVhdGVfdGltZRgJIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXASLAoIZW5kX3RpbWUYCiABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wEjAKCmVuZF9yZWFzb24YCyABKA4yHC5oYW5kb2ZmLnYxLlNlc3Npb25FbmRSZWFzb24SLQoMcGFydGljaXBhbnRzGAwgAygLMhcuaGFuZG9mZi52MS5QYXJ0aWNpcGFudBItCg9hY3RpdmVfdHJhbnNmZXIYDSABKAsyFC5oYW5kb2ZmLnYxLlRyYW5zZmVyEiMKB2hvbGRlcnMYDiADKAsyEi5oYW5kb2ZmLnYxLlRlbnVyZRI0ChBjb25uZWN0X2RlYWRsaW5lGA8gASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBIsCg5wYXN0X3RyYW5zZmVycxgQIAMoCzIULmhhbmRvZmYudjEuVHJhbnNmZXISIwobYWNrbm93bGVkZ2VkX2Rpc2Nvbm5lY3Rfc2VxGBEgASgEGiwKCkZhY3RzRW50cnkSCwoDa2V5GAEgASgJEg0KBXZhbHVlGAIgASgJOgI4ASL8BQoFRXZlbnQSEgoKc2Vzc2lvbl9pZBgBIAEoCRILCgNzZXEYAiABKAQSKAoEdGltZRgDIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXASGgoSYXV0aG9yX3Rlcm1pbmFsX2lkGAQgASgJEjkKEXNlc3Npb25fcmVxdWVzdGVkGAogASgLMhwuaGFuZG9mZi52MS5TZXNzaW9uUmVxdWVzdGVkSAASMwoOc2Vzc2lvbl9vcGVuZWQYCyABKAsyGS5oYW5kb2ZmLnYxLlNlc3Npb25PcGVuZWRIABIzCg5tZXNzYWdlX3Bvc3RlZBgMIAEoCzIZLmhhbmRvZmYudjEuTWVzc2FnZVBvc3RlZEgAEjcKEHRyYW5zZmVyX29mZmVyZWQYDSABKAsyGy5oYW5kb2ZmLnYxLlRyYW5zZmVyT2ZmZXJlZEgAEjkKEXRyYW5zZmVyX2FjY2VwdGVkGA4gASgLMhwuaGFuZG9mZi52MS5UcmFuc2ZlckFjY2VwdGVkSAASOQoRdHJhbnNmZXJfZGVjbGluZWQYDyABKAsyHC5oYW5kb2ZmLnYxLlRyYW5zZmVyRGVjbGluZWRIABI7ChJ0cmFuc2Zlcl9jYW5jZWxsZWQYECABKAsyHS5oYW5kb2ZmLnYxLlRyYW5zZmVyQ2FuY2VsbGVkSAASNwoQdHJhbnNmZXJfZXhwaXJlZBgRIAEoCzIbLmhhbmRvZmYudjEuVHJhbnNmZXJFeHBpcmVkSAASPQoTaG9sZGVyX2Rpc2Nvbm5lY3RlZBgSIAEoCzIeLmhhbmRvZmYudjEuSG9sZGVyRGlzY29ubmVjdGVkSAASRQoXZGlzY29ubmVjdF9hY2tub3dsZWRnZWQYEyABKAsyIi5oYW5kb2ZmLnYxLkRpc2Nvbm5lY3RBY2tub3dsZWRnZWRIABIxCg1zZXNzaW9uX2VuZGVkGBQgASgLMhguaGFuZG9mZi52MS5TZXNzaW9uRW5kZWRIAEIJCgdwYXlsb2FkIpkCChBTZXNzaW9uUmVxdWVzdGVkEiQKB2NoYW5uZWwYASABKA4yEy5oYW5kb2ZmLnYxLkNoYW5uZWwSIgoGY2FsbGVyGAIgASgLMhIuaGFuZG9mZi52MS5DYWxsZXISNgoFZmFjdHMYAyADKAsyJy5oYW5kb2ZmLnYxLlNlc3Npb25SZXF1ZXN0ZWQuRmFjdHNFbnRyeRIfChdkZXN0aW5hdGlvbl90ZXJtaW5hbF9pZBgEIAEoCRI0ChBjb25uZWN0X2RlYWRsaW5lGAUgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBosCgpGYWN0c0VudHJ5EgsKA2tleRgBIAEoCRINCgV2YWx1ZRgCIAEoCToCOAEiKwoNU2Vzc2lvbk9wZW5lZBIaChJob2xkZXJfdGVybWluYWxfaWQYASABKAkiPgoNTWVzc2FnZVBvc3RlZBIMCgRib2R5GAEgASgJEh8KF2Rlc3RpbmF0aW9uX3Rlcm1pbmFsX2lkGAIgASgJImcKD1RyYW5zZmVyT2ZmZXJlZBImCgh0cmFuc2ZlchgBIAEoCzIULmhhbmRvZmYudjEuVHJhbnNmZXISLAoHY29udGV4dBgCIAEoCzIbLmhhbmRvZmYudjEuVHJhbnNmZXJDb250ZXh0IqICCg9UcmFuc2ZlckNvbnRleHQSIgoGY2FsbGVyGAEgASgLMhIuaGFuZG9mZi52MS5DYWxsZXISJAoHY2hhbm5lbBgCIAEoDjITLmhhbmRvZmYudjEuQ2hhbm5lbBI1CgVmYWN0cxgDIAMoCzImLmhhbmRvZmYudjEuVHJhbnNmZXJDb250ZXh0LkZhY3RzRW50cnkSIQoGZGlhbG9nGAQgAygLMhEuaGFuZG9mZi52MS5FdmVudBIYChBkaWFsb2dfdHJ1bmNhdGVkGAUgASgIEiMKB2hvbGRlcnMYBiADKAsyEi5oYW5kb2ZmLnYxLlRlbnVyZRosCgpGYWN0c0VudHJ5EgsKA2tleRgBIAEoCRINCgV2YWx1ZRgCIAEoCToCOAEifgoQVHJhbnNmZXJBY2NlcHRlZBITCgt0cmFuc2Zlcl9pZBgBIAEoCRIfChdhY2NlcHRlZF9ieV90ZXJtaW5hbF9pZBgCIAEoCRI0ChBoYW5kb2ZmX2RlYWRsaW5lGAMgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcCJYChBUcmFuc2ZlckRlY2xpbmVkEhMKC3RyYW5zZmVyX2lkGAEgASgJEh8KF2RlY2xpbmVkX2J5X3Rlcm1pbmFsX2lkGAIgASgJEg4KBnJlYXNvbhgDIAEoCSI4ChFUcmFuc2ZlckNhbmNlbGxlZBITCgt0cmFuc2Zlcl9pZBgBIAEoCRIOCgZyZWFzb24YAiABKAkiJgoPVHJhbnNmZXJFeHBpcmVkEhMKC3RyYW5zZmVyX2lkGAEgASgJInUKEkhvbGRlckRpc2Nvbm5lY3RlZBIYChBsZWZ0X3Rlcm1pbmFsX2lkGAEgASgJEiAKGGNvbnRpbnVlZF9ieV90ZXJtaW5hbF9pZBgCIAEoCRITCgt0cmFuc2Zlcl9pZBgDIAEoCRIOCgZmb3JjZWQYBCABKAgiMAoWRGlzY29ubmVjdEFja25vd2xlZGdlZBIWCg5kaXNjb25uZWN0X3NlcRgBIAEoBCI8CgxTZXNzaW9uRW5kZWQSLAoGcmVhc29uGAEgASgOMhwuaGFuZG9mZi52MS5TZXNzaW9uRW5kUmVhc29uKlQKB0NoYW5uZWwSFwoTQ0hBTk5FTF9VTlNQRUNJRklFRBAAEg4KCkNIQU5ORUxfSU0QARIPCgtDSEFOTkVMX1NNUxACEg8KC0NIQU5ORUxfV0VCEAMqeAoMVGVybWluYWxLaW5kEh0KGVRFUk1JTkFMX0tJTkRfVU5TUEVDSUZJRUQQABIVChFURVJNSU5BTF9LSU5EX0JPVBABEhcKE1RFUk1JTkFMX0tJTkRfQUdFTlQQAhIZChVURVJNSU5BTF9LSU5EX0dBVEVXQVkQAyp8CgxTZXNzaW9uU3RhdGUSHQoZU0VTU0lPTl9TVEFURV9VTlNQRUNJRklFRBAAEhwKGFNFU1NJT05fU1RBVEVfQ09OTkVDVElORxABEhYKElNFU1NJT05fU1RBVEVfT1BFThACEhcKE1NFU1NJT05fU1RBVEVfRU5ERUQQAypiCgRSb2xlEhQKEFJPTEVfVU5TUEVDSUZJRUQQABIPCgtST0xFX0NBTExFUhABEg8KC1JPTEVfSE9MREVSEAISDwoLUk9MRV9UQVJHRVQQAxIRCg1ST0xFX0lOQ09NSU5HEAQq+QEKDVRyYW5zZmVyU3RhdGUSHgoaVFJBTlNGRVJfU1RBVEVfVU5TUEVDSUZJRUQQABIaChZUUkFOU0ZFUl9TVEFURV9PRkZFUkVEEAESGwoXVFJBTlNGRVJfU1RBVEVfQUNDRVBURUQQAhIcChhUUkFOU0ZFUl9TVEFURV9DT01QTEVURUQQAxIbChdUUkFOU0ZFUl9TVEFURV9ERUNMSU5FRBAEEhwKGFRSQU5TRkVSX1NUQVRFX0NBTkNFTExFRBAFEhoKFlRSQU5TRkVSX1NUQVRFX0VYUElSRUQQBhIaChZUUkFOU0ZFUl9TVEFURV9BQk9SVEVEEAcqvwEKEFNlc3Npb25FbmRSZWFzb24SIgoeU0VTU0lPTl9FTkRfUkVBU09OX1VOU1BFQ0lGSUVEEAASKgomU0VTU0lPTl9FTkRfUkVBU09OX0hPTERFUl9ESVNDT05ORUNURUQQARIqCiZTRVNTSU9OX0VORF9SRUFTT05fQ0FMTEVSX0RJU0NPTk5FQ1RFRBACEi8KK1NFU1NJT05fRU5EX1JFQVNPTl9DT05ORUNUX05PVF9BQ0tOT1dMRURHRUQQA2IGcHJvdG8z", [file_google_protobuf_timestamp]);

// ../clients/typescript/src/gen/handoff/v1/terminal_service_pb.ts
var file_handoff_v1_terminal_service = /* @__PURE__ */ fileDesc("CiFoYW5kb2ZmL3YxL3Rlcm1pbmFsX3NlcnZpY2UucHJvdG8SCmhhbmRvZmYudjEi3wEKDkNvbm5lY3RSZXF1ZXN0Eh8KF2Rlc3RpbmF0aW9uX3Rlcm1pbmFsX2lkGAEgASgJEiIKBmNhbGxlchgCIAEoCzISLmhhbmRvZmYudjEuQ2FsbGVyEiQKB2NoYW5uZWwYAyABKA4yEy5oYW5kb2ZmLnYxLkNoYW5uZWwSNAoFZmFjdHMYBCADKAsyJS5oYW5kb2ZmLnYxLkNvbm5lY3RSZXF1ZXN0LkZhY3RzRW50cnkaLAoKRmFjdHNFbnRyeRILCgNrZXkYASABKAkSDQoFdmFsdWUYAiABKAk6AjgBIjcKD0Nvbm5lY3RSZXNwb25zZRIkCgdzZXNzaW9uGAEgASgLMhMuaGFuZG9mZi52MS5TZXNzaW9uIi8KGUFja25vd2xlZGdlQ29ubmVjdFJlcXVlc3QSEgoKc2Vzc2lvbl9pZBgBIAEoCSJCChpBY2tub3dsZWRnZUNvbm5lY3RSZXNwb25zZRIkCgdzZXNzaW9uGAEgASgLMhMuaGFuZG9mZi52MS5TZXNzaW9uIksKDk1lc3NhZ2VSZXF1ZXN0EhIKCnNlc3Npb25faWQYASABKAkSDAoEYm9keRgCIAEoCRIXCg9pZGVtcG90ZW5jeV9rZXkYAyABKAkiWwoPTWVzc2FnZVJlc3BvbnNlEgsKA3NlcRgBIAEoBBIoCgR0aW1lGAIgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcBIRCglkdXBsaWNhdGUYAyABKAgixAEKD1RyYW5zZmVyUmVxdWVzdBISCgpzZXNzaW9uX2lkGAEgASgJEioKBnRhcmdldBgCIAEoCzIaLmhhbmRvZmYudjEuVHJhbnNmZXJUYXJnZXQSNQoFZmFjdHMYAyADKAsyJi5oYW5kb2ZmLnYxLlRyYW5zZmVyUmVxdWVzdC5GYWN0c0VudHJ5EgwKBG5vdGUYBCABKAkaLAoKRmFjdHNFbnRyeRILCgNrZXkYASABKAkSDQoFdmFsdWUYAiABKAk6AjgBIjoKEFRyYW5zZmVyUmVzcG9uc2USJgoIdHJhbnNmZXIYASABKAsyFC5oYW5kb2ZmLnYxLlRyYW5zZmVyIkAKFUFjY2VwdFRyYW5zZmVyUmVxdWVzdBISCgpzZXNzaW9uX2lkGAEgASgJEhMKC3RyYW5zZmVyX2lkGAIgASgJImYKFkFjY2VwdFRyYW5zZmVyUmVzcG9uc2USJgoIdHJhbnNmZXIYASABKAsyFC5oYW5kb2ZmLnYxLlRyYW5zZmVyEiQKB3Nlc3Npb24YAiABKAsyEy5oYW5kb2ZmLnYxLlNlc3Npb24iUQoWRGVjbGluZVRyYW5zZmVyUmVxdWVzdBISCgpzZXNzaW9uX2lkGAEgASgJEhMKC3RyYW5zZmVyX2lkGAIgASgJEg4KBnJlYXNvbhgDIAEoCSJBChdEZWNsaW5lVHJhbnNmZXJSZXNwb25zZRImCgh0cmFuc2ZlchgBIAEoCzIULmhhbmRvZmYudjEuVHJhbnNmZXIiUAoVQ2FuY2VsVHJhbnNmZXJSZXF1ZXN0EhIKCnNlc3Npb25faWQYASABKAkSEwoLdHJhbnNmZXJfaWQYAiABKAkSDgoGcmVhc29uGAMgASgJIkAKFkNhbmNlbFRyYW5zZmVyUmVzcG9uc2USJgoIdHJhbnNmZXIYASABKAsyFC5oYW5kb2ZmLnYxLlRyYW5zZmVyIicKEURpc2Nvbm5lY3RSZXF1ZXN0EhIKCnNlc3Npb25faWQYASABKAkiRwoSRGlzY29ubmVjdFJlc3BvbnNlEiQKB3Nlc3Npb24YASABKAsyEy5oYW5kb2ZmLnYxLlNlc3Npb24SCwoDc2VxGAIgASgEIj8KHEFja25vd2xlZGdlRGlzY29ubmVjdFJlcXVlc3QSEgoKc2Vzc2lvbl9pZBgBIAEoCRILCgNzZXEYAiABKAQiRQodQWNrbm93bGVkZ2VEaXNjb25uZWN0UmVzcG9uc2USJAoHc2Vzc2lvbhgBIAEoCzITLmhhbmRvZmYudjEuU2Vzc2lvbiInChFHZXRTZXNzaW9uUmVxdWVzdBISCgpzZXNzaW9uX2lkGAEgASgJIjoKEkdldFNlc3Npb25SZXNwb25zZRIkCgdzZXNzaW9uGAEgASgLMhMuaGFuZG9mZi52MS5TZXNzaW9uIk4KEUxpc3RFdmVudHNSZXF1ZXN0EhIKCnNlc3Npb25faWQYASABKAkSEQoJcGFnZV9zaXplGAIgASgFEhIKCnBhZ2VfdG9rZW4YAyABKAkiUAoSTGlzdEV2ZW50c1Jlc3BvbnNlEiEKBmV2ZW50cxgBIAMoCzIRLmhhbmRvZmYudjEuRXZlbnQSFwoPbmV4dF9wYWdlX3Rva2VuGAIgASgJIoMBCg1BdHRhY2hSZXF1ZXN0EiIKBWhlbGxvGAEgASgLMhEuaGFuZG9mZi52MS5IZWxsb0gAEh4KA2FjaxgCIAEoCzIPLmhhbmRvZmYudjEuQWNrSAASJgoHY29tbWFuZBgDIAEoCzITLmhhbmRvZmYudjEuQ29tbWFuZEgAQgYKBGtpbmQiMgoFSGVsbG8SKQoGcmVzdW1lGAEgAygLMhkuaGFuZG9mZi52MS5TZXNzaW9uQ3Vyc29yIjAKDVNlc3Npb25DdXJzb3ISEgoKc2Vzc2lvbl9pZBgBIAEoCRILCgNzZXEYAiABKAQiJgoDQWNrEhIKCnNlc3Npb25faWQYASABKAkSCwoDc2VxGAIgASgEIogECgdDb21tYW5kEhIKCnJlcXVlc3RfaWQYASABKAkSLQoHbWVzc2FnZRgCIAEoCzIaLmhhbmRvZmYudjEuTWVzc2FnZVJlcXVlc3RIABJEChNhY2tub3dsZWRnZV9jb25uZWN0GAMgASgLMiUuaGFuZG9mZi52MS5BY2tub3dsZWRnZUNvbm5lY3RSZXF1ZXN0SAASSgoWYWNrbm93bGVkZ2VfZGlzY29ubmVjdBgEIAEoCzIoLmhhbmRvZmYudjEuQWNrbm93bGVkZ2VEaXNjb25uZWN0UmVxdWVzdEgAEi8KCHRyYW5zZmVyGAUgASgLMhsuaGFuZG9mZi52MS5UcmFuc2ZlclJlcXVlc3RIABI8Cg9hY2NlcHRfdHJhbnNmZXIYBiABKAsyIS5oYW5kb2ZmLnYxLkFjY2VwdFRyYW5zZmVyUmVxdWVzdEgAEj4KEGRlY2xpbmVfdHJhbnNmZXIYByABKAsyIi5oYW5kb2ZmLnYxLkRlY2xpbmVUcmFuc2ZlclJlcXVlc3RIABI8Cg9jYW5jZWxfdHJhbnNmZXIYCCABKAsyIS5oYW5kb2ZmLnYxLkNhbmNlbFRyYW5zZmVyUmVxdWVzdEgAEjMKCmRpc2Nvbm5lY3QYCSABKAsyHS5oYW5kb2ZmLnYxLkRpc2Nvbm5lY3RSZXF1ZXN0SABCBgoEa2luZCKOAQoOQXR0YWNoUmVzcG9uc2USKAoIYXR0YWNoZWQYASABKAsyFC5oYW5kb2ZmLnYxLkF0dGFjaGVkSAASIgoFZXZlbnQYAiABKAsyES5oYW5kb2ZmLnYxLkV2ZW50SAASJgoHcmVjZWlwdBgDIAEoCzITLmhhbmRvZmYudjEuUmVjZWlwdEgAQgYKBGtpbmQiUAoIQXR0YWNoZWQSEwoLdGVybWluYWxfaWQYASABKAkSLwoLc2VydmVyX3RpbWUYAiABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wIl4KB1JlY2VpcHQSEgoKcmVxdWVzdF9pZBgBIAEoCRIMCgRjb2RlGAIgASgFEg8KB21lc3NhZ2UYAyABKAkSCwoDc2VxGAQgASgEEhMKC3RyYW5zZmVyX2lkGAUgASgJIlEKEFN1YnNjcmliZVJlcXVlc3QSKQoGcmVzdW1lGAEgAygLMhkuaGFuZG9mZi52MS5TZXNzaW9uQ3Vyc29yEhIKCnNlc3Npb25faWQYAiABKAkiaQoRU3Vic2NyaWJlUmVzcG9uc2USKAoIYXR0YWNoZWQYASABKAsyFC5oYW5kb2ZmLnYxLkF0dGFjaGVkSAASIgoFZXZlbnQYAiABKAsyES5oYW5kb2ZmLnYxLkV2ZW50SABCBgoEa2luZCI1ChJBY2tub3dsZWRnZVJlcXVlc3QSEgoKc2Vzc2lvbl9pZBgBIAEoCRILCgNzZXEYAiABKAQiFQoTQWNrbm93bGVkZ2VSZXNwb25zZSJXChlDcmVhdGVTZXNzaW9uVG9rZW5SZXF1ZXN0EhIKCnNlc3Npb25faWQYASABKAkSJgoDdHRsGAIgASgLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uIoIBChpDcmVhdGVTZXNzaW9uVG9rZW5SZXNwb25zZRINCgV0b2tlbhgBIAEoCRIQCgh0b2tlbl9pZBgCIAEoCRISCgpzZXNzaW9uX2lkGAMgASgJEi8KC2V4cGlyZV90aW1lGAQgASgLMhouZ29vZ2xlLnByb3RvYnVmLlRpbWVzdGFtcCItChlSZXZva2VTZXNzaW9uVG9rZW5SZXF1ZXN0EhAKCHRva2VuX2lkGAEgASgJIhwKGlJldm9rZVNlc3Npb25Ub2tlblJlc3BvbnNlIjEKG0xpc3RTZXNzaW9uVGVybWluYWxzUmVxdWVzdBISCgpzZXNzaW9uX2lkGAEgASgJIk4KHExpc3RTZXNzaW9uVGVybWluYWxzUmVzcG9uc2USLgoJdGVybWluYWxzGAEgAygLMhsuaGFuZG9mZi52MS5TZXNzaW9uVGVybWluYWwiWwoPU2Vzc2lvblRlcm1pbmFsEgoKAmlkGAEgASgJEhQKDGRpc3BsYXlfbmFtZRgCIAEoCRImCgRraW5kGAMgASgOMhguaGFuZG9mZi52MS5UZXJtaW5hbEtpbmQyvgsKD1Rlcm1pbmFsU2VydmljZRJCCgdDb25uZWN0EhouaGFuZG9mZi52MS5Db25uZWN0UmVxdWVzdBobLmhhbmRvZmYudjEuQ29ubmVjdFJlc3BvbnNlEmMKEkFja25vd2xlZGdlQ29ubmVjdBIlLmhhbmRvZmYudjEuQWNrbm93bGVkZ2VDb25uZWN0UmVxdWVzdBomLmhhbmRvZmYudjEuQWNrbm93bGVkZ2VDb25uZWN0UmVzcG9uc2USQgoHTWVzc2FnZRIaLmhhbmRvZmYudjEuTWVzc2FnZVJlcXVlc3QaGy5oYW5kb2ZmLnYxLk1lc3NhZ2VSZXNwb25zZRJFCghUcmFuc2ZlchIbLmhhbmRvZmYudjEuVHJhbnNmZXJSZXF1ZXN0GhwuaGFuZG9mZi52MS5UcmFuc2ZlclJlc3BvbnNlElcKDkFjY2VwdFRyYW5zZmVyEiEuaGFuZG9mZi52MS5BY2NlcHRUcmFuc2ZlclJlcXVlc3QaIi5oYW5kb2ZmLnYxLkFjY2VwdFRyYW5zZmVyUmVzcG9uc2USWgoPRGVjbGluZVRyYW5zZmVyEiIuaGFuZG9mZi52MS5EZWNsaW5lVHJhbnNmZXJSZXF1ZXN0GiMuaGFuZG9mZi52MS5EZWNsaW5lVHJhbnNmZXJSZXNwb25zZRJXCg5DYW5jZWxUcmFuc2ZlchIhLmhhbmRvZmYudjEuQ2FuY2VsVHJhbnNmZXJSZXF1ZXN0GiIuaGFuZG9mZi52MS5DYW5jZWxUcmFuc2ZlclJlc3BvbnNlEksKCkRpc2Nvbm5lY3QSHS5oYW5kb2ZmLnYxLkRpc2Nvbm5lY3RSZXF1ZXN0Gh4uaGFuZG9mZi52MS5EaXNjb25uZWN0UmVzcG9uc2USbAoVQWNrbm93bGVkZ2VEaXNjb25uZWN0EiguaGFuZG9mZi52MS5BY2tub3dsZWRnZURpc2Nvbm5lY3RSZXF1ZXN0GikuaGFuZG9mZi52MS5BY2tub3dsZWRnZURpc2Nvbm5lY3RSZXNwb25zZRJLCgpHZXRTZXNzaW9uEh0uaGFuZG9mZi52MS5HZXRTZXNzaW9uUmVxdWVzdBoeLmhhbmRvZmYudjEuR2V0U2Vzc2lvblJlc3BvbnNlEksKCkxpc3RFdmVudHMSHS5oYW5kb2ZmLnYxLkxpc3RFdmVudHNSZXF1ZXN0Gh4uaGFuZG9mZi52MS5MaXN0RXZlbnRzUmVzcG9uc2USQwoGQXR0YWNoEhkuaGFuZG9mZi52MS5BdHRhY2hSZXF1ZXN0GhouaGFuZG9mZi52MS5BdHRhY2hSZXNwb25zZSgBMAESSgoJU3Vic2NyaWJlEhwuaGFuZG9mZi52MS5TdWJzY3JpYmVSZXF1ZXN0Gh0uaGFuZG9mZi52MS5TdWJzY3JpYmVSZXNwb25zZTABEk4KC0Fja25vd2xlZGdlEh4uaGFuZG9mZi52MS5BY2tub3dsZWRnZVJlcXVlc3QaHy5oYW5kb2ZmLnYxLkFja25vd2xlZGdlUmVzcG9uc2USYwoSQ3JlYXRlU2Vzc2lvblRva2VuEiUuaGFuZG9mZi52MS5DcmVhdGVTZXNzaW9uVG9rZW5SZXF1ZXN0GiYuaGFuZG9mZi52MS5DcmVhdGVTZXNzaW9uVG9rZW5SZXNwb25zZRJjChJSZXZva2VTZXNzaW9uVG9rZW4SJS5oYW5kb2ZmLnYxLlJldm9rZVNlc3Npb25Ub2tlblJlcXVlc3QaJi5oYW5kb2ZmLnYxLlJldm9rZVNlc3Npb25Ub2tlblJlc3BvbnNlEmkKFExpc3RTZXNzaW9uVGVybWluYWxzEicuaGFuZG9mZi52MS5MaXN0U2Vzc2lvblRlcm1pbmFsc1JlcXVlc3QaKC5oYW5kb2ZmLnYxLkxpc3RTZXNzaW9uVGVybWluYWxzUmVzcG9uc2ViBnByb3RvMw", [file_google_protobuf_duration, file_google_protobuf_timestamp, file_handoff_v1_types]);
var TerminalService = /* @__PURE__ */ serviceDesc(file_handoff_v1_terminal_service, 0);

// src/api.ts
function terminalClient(baseUrl, token) {
  const bearer = (next) => async (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
  return createClient(TerminalService, createGrpcWebTransport({ baseUrl, interceptors: [bearer] }));
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// src/bot.ts
var env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === void 0) throw new Error(`${k} is required`);
  return v;
};
var handoff = terminalClient(env("HANDOFF_URL", "http://127.0.0.1:50051"), env("BOT_TOKEN"));
var group = env("GROUP", "billing");
var answered = /* @__PURE__ */ new Set();
for (; ; ) {
  try {
    let me = "";
    for await (const r of handoff.subscribe({})) {
      if (r.kind.case === "attached") {
        me = r.kind.value.terminalId;
        console.log(`bot ${me} attached; transfers go to group ${group}`);
        continue;
      }
      if (r.kind.case !== "event") continue;
      const e = r.kind.value;
      const sessionId = e.sessionId;
      switch (e.payload.case) {
        case "sessionRequested":
          await handoff.acknowledgeConnect({ sessionId });
          break;
        case "sessionOpened":
          await handoff.message({ sessionId, body: "Hi! I'm the demo bot. What can I do for you?", idempotencyKey: `${sessionId}-hello` });
          break;
        case "messagePosted":
          if (e.authorTerminalId === me || answered.has(sessionId)) break;
          answered.add(sessionId);
          await handoff.message({ sessionId, body: "Let me get you to a specialist.", idempotencyKey: `${sessionId}-handoff` });
          await handoff.transfer({
            sessionId,
            target: { kind: { case: "group", value: group } },
            facts: { first_message: e.payload.value.body.slice(0, 200) },
            note: "From the demo bot: the visitor's first message is in the facts."
          }).catch((err) => handoff.message({ sessionId, body: `Nobody from ${group} is available (${err.message}).` }));
          break;
        case "transferAccepted":
          await handoff.disconnect({ sessionId });
          break;
      }
    }
  } catch (e) {
    console.error(`bot feed: ${e}; resubscribing`);
  }
  await sleep(1e3);
}
