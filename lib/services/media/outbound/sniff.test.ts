import { describe, expect, it } from "vitest";
import { sampleMedia } from "@/local/whatsapp-emulator/media-samples";
import { sniffMediaType } from "./sniff";

const hex = (value: string) => Buffer.from(value.replace(/\s+/g, ""), "hex");
const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, "\0\0\0\0", ...compatible].join("");
  const box = Buffer.alloc(8 + brands.length);
  box.writeUInt32BE(box.length, 0);
  box.write("ftyp", 4, "latin1");
  box.write(brands, 8, "latin1");
  return Buffer.concat([box, Buffer.alloc(32)]);
};
const zipWith = (...names: string[]) => Buffer.concat([hex("504b0304"), Buffer.alloc(26), ...names.map((name) => Buffer.from(name))]);

describe("sniffMediaType", () => {
  it.each([
    ["JPEG", sampleMedia("image").bytes, "image/jpeg"],
    ["PNG", hex("89504e470d0a1a0a 0000000d49484452"), "image/png"],
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), "image/gif"],
    ["WebP", sampleMedia("sticker").bytes, "image/webp"],
    ["TIFF (little endian)", hex("49492a0008000000"), "image/tiff"],
    ["TIFF (big endian)", hex("4d4d002a00000008"), "image/tiff"],
    ["HEIC", ftyp("heic", "mif1", "heic"), "image/heic"],
    ["AVIF", ftyp("avif", "mif1", "miaf"), "image/avif"],
    ["AVIF under mif1", ftyp("mif1", "avif"), "image/avif"],
    ["MP4 video", sampleMedia("video").bytes, "video/mp4"],
    ["M4A audio", ftyp("M4A ", "isom"), "audio/mp4"],
    ["3GP", ftyp("3gp4", "isom"), "video/3gpp"],
    ["QuickTime", ftyp("qt  "), "video/quicktime"],
    ["Ogg Opus", sampleMedia("voice").bytes, "audio/ogg"],
    ["Ogg Vorbis", Buffer.concat([Buffer.from("OggS"), Buffer.alloc(24), Buffer.from("\x01vorbis", "latin1")]), "audio/ogg; codecs=vorbis"],
    ["MP3 with ID3", Buffer.from("ID3\x04\x00\x00", "latin1"), "audio/mpeg"],
    ["MP3 frame", hex("fffb9064"), "audio/mpeg"],
    ["AAC (ADTS)", hex("fff15080"), "audio/aac"],
    ["AMR", Buffer.from("#!AMR\n"), "audio/amr"],
    ["PDF", sampleMedia("document").bytes, "application/pdf"],
    [
      "DOCX",
      zipWith("[Content_Types].xml", "word/document.xml"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["XLSX", zipWith("[Content_Types].xml", "xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [
      "PPTX",
      zipWith("[Content_Types].xml", "ppt/presentation.xml"),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    ["a plain ZIP", zipWith("photos/a.jpg"), "application/zip"],
    ["a Windows program", Buffer.from("MZ\x90\x00", "latin1"), "application/x-executable"],
    ["UTF-8 text", Buffer.from("Halo, pesanan saya 🙂\nTerima kasih"), "text/plain"],
    ["HTML", Buffer.from("<!DOCTYPE html><script>alert(1)</script>"), "text/html"],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "text/html"],
  ])("knows %s by its bytes", (_name, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it("ignores the claimed type, except to tell audio from video in MP4 and the OLE Office formats apart", () => {
    const png = hex("89504e470d0a1a0a 0000000d49484452");
    expect(sniffMediaType(png, { claimedType: "application/pdf", filename: "scan.pdf" })).toBe("image/png");
    expect(sniffMediaType(sampleMedia("video").bytes, { claimedType: "audio/mp4" })).toBe("audio/mp4");
    expect(sniffMediaType(sampleMedia("video").bytes, { claimedType: "image/jpeg" })).toBe("video/mp4");
    const ole = Buffer.concat([hex("d0cf11e0a1b11ae1"), Buffer.alloc(32)]);
    expect(sniffMediaType(ole, { claimedType: "application/vnd.ms-excel" })).toBe("application/vnd.ms-excel");
    expect(sniffMediaType(ole, { filename: "deck.PPT" })).toBe("application/vnd.ms-powerpoint");
    expect(sniffMediaType(ole, { claimedType: "image/jpeg" })).toBe("application/x-ole-storage");
  });

  it("answers null for empty or unknown binary data", () => {
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(hex("00010203040506070809"))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xc3, 0x28, 0x41]))).toBeNull(); // not UTF-8
  });
});
