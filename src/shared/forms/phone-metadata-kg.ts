import type { MetadataJson } from 'libphonenumber-js/core';

/**
 * libphonenumber-js's "max" metadata for Kyrgyzstan alone (version 4 of the
 * package's metadata.max.json, filtered to KG): the page validates Kyrgyz numbers only, and the
 * whole world's metadata was a quarter of its JavaScript. test/unit/shared/phone-metadata.test.ts
 * fails when the installed package's KG entry differs, and says how to write this file again.
 */
export const KYRGYZ_PHONE_METADATA: MetadataJson = {"version":4,"country_calling_codes":{"996":["KG"]},"countries":{"KG":["996","00","8\\d{9}|[235-9]\\d{8}",[9,10],[["(\\d{4})(\\d{5})","$1 $2",["3(?:1[346]|[24-79])"],"0$1"],["(\\d{3})(\\d{3})(\\d{3})","$1 $2 $3",["[235-79]|88"],"0$1"],["(\\d{3})(\\d{3})(\\d)(\\d{2,3})","$1 $2 $3 $4",["8"],"0$1"]],"0",0,0,0,0,0,[["312(?:5[0-79]\\d|9(?:[0-689]\\d|7[0-24-9]))\\d{3}|(?:3(?:1(?:2[0-46-8]|3[1-9]|47|[56]\\d)|2(?:22|3[0-479]|6[0-7])|4(?:22|5[6-9]|6\\d)|5(?:22|3[4-7]|59|6\\d)|6(?:22|5[35-7]|6\\d)|7(?:22|3[468]|4[1-9]|59|[67]\\d)|9(?:22|4[1-8]|6\\d))|6(?:09|12|2[2-4])\\d)\\d{5}",[9]],["312(?:58\\d|973)\\d{3}|(?:2(?:0[0-35]|2\\d)|5[0-24-7]\\d|600|7(?:[07]\\d|55)|88[08]|9(?:12|9[05-9]))\\d{6}",[9]],["800\\d{6,7}"]]]},"nonGeographic":{}};
