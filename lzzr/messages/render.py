"""Messages of rendering: batch, glyph check, doctor, signatures (lzzr/render/, lzzr/documents/), in Chinese and English, keyed by code."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "batch.failed": ("渲染 {target} 失败：{detail}", "rendering {target} failed: {detail}"),
    "batch.crashed": (
        "渲染进程意外退出（内存不足或被系统终止？），{target} 等文档未生成；请用 --jobs 1 重试",
        "a rendering process died (out of memory, or killed?); {target} and others were not written; retry with --jobs 1",
    ),
    "batch.duplicate": ("两个文档要写入同一个文件：{target}", "two documents would be written to the same file: {target}"),
    "batch.progress": ("渲染 {done}/{total}", "rendering {done}/{total}"),
    "glyph.missing": (
        "{record}：字符「{char}」在所选字体（{fonts}）中都没有字形，PDF 中会显示为方框；请安装含该字的字体并在 lzzr.yaml 的“字体”中配置",
        "{record}: the character {char} has no glyph in the chosen fonts ({fonts}) and would print as a box; install a font that has it and name it under 字体 in lzzr.yaml",
    ),
    "glyph.fallback": (
        "{record}：字符「{char}」不在{role}字体 {face} 中，将以后备字体印出，字形与上下文不一致",
        "{record}: the character {char} is not in the {role} face {face}; it prints in a fallback face that does not match",
    ),
    "role.fangsong": ("仿宋", "FangSong"),
    "role.song": ("宋体", "Song"),
    "role.hei": ("黑体", "Hei"),
    "role.kai": ("楷体", "Kai"),
    "role.title": ("小标宋", "XiaoBiaoSong (titles)"),
    "doctor.fonts": ("字体：", "fonts:"),
    "doctor.role": ("  {role}：{face}", "  {role}: {face}"),
    "doctor.role_borrowed": (
        "  {role}：未找到，借用{other}字体 {face}",
        "  {role}: none found, borrowing the {other} face {face}",
    ),
    "doctor.role_none": ("  {role}：未找到任何字体", "  {role}: no face found"),
    "doctor.configured": ("    已配置：{faces}", "    configured: {faces}"),
    "doctor.defaults": ("    默认：{faces}", "    defaults: {faces}"),
    "doctor.system": ("系统组件：", "system:"),
    "doctor.item": ("  {item}：{state}", "  {item}: {state}"),
    "doctor.found": ("正常", "ok"),
    "doctor.missing": ("缺少", "missing"),
    "doctor.too_old": ("版本过旧（至少需要 {minimum}）", "too old (needs {minimum} or later)"),
    "doctor.no_subset": (
        "缺少（中文文档每份需约 8 秒，而不是 0.2 秒）",
        "missing (a Chinese document takes ~8 s instead of ~0.2 s)",
    ),
    "doctor.fix": ("修复：{command}", "to fix: {command}"),
    "doctor.fix_fonts": ("安装免费的仿宋、楷体字体：make fonts", "free FangSong and Kai faces: make fonts"),
    "doctor.ok": ("一切就绪", "all set"),
    "signing.read": ("无法读取 {path}：{detail}", "cannot read {path}: {detail}"),
    "signing.not_pkcs12": ("{path} 不是 PKCS#12（.p12/.pfx）文件", "{path} is not a PKCS#12 (.p12/.pfx) file"),
    "signing.passphrase": ("{path} 的密码错误或未提供", "wrong or missing passphrase for {path}"),
    "signing.not_key": ("{path} 中没有私钥", "{path} holds no private key"),
    "signing.not_cert": ("{path} 中没有证书", "{path} holds no certificate"),
    "signing.mismatch": ("{path} 的私钥与证书不匹配", "the private key in {path} does not match the certificate"),
    "signing.expired": (
        "证书 CN={name} 的有效期为 {start} 至 {end}，当前不在有效期内",
        "the certificate CN={name} is valid from {start} to {end}, not now",
    ),
    "signing.failed": ("签名失败：{detail}", "signing failed: {detail}"),
    "signing.not_pdf": ("不是可读取的 PDF 文件：{detail}", "not a readable PDF file: {detail}"),
    "sig.trusted": ("签名有效，签名后内容未被改动；签名人 CN={signer}，{when}", "valid signature, content unchanged since signing; signed by CN={signer} at {when}"),
    "sig.untrusted": (
        "签名有效，签名后内容未被改动；签名人 CN={signer}，{when}（证书未列为可信：自签名或内部证书）",
        "valid signature, content unchanged since signing; signed by CN={signer} at {when} (certificate not trusted: self-signed or internal)",
    ),
    "sig.modified": (
        "签名本身有效，但签名后文件内容又被修改；签名人 CN={signer}，{when}",
        "the signature is valid, but the file was changed after signing; signed by CN={signer} at {when}",
    ),
    "sig.altered": ("文件在签名后被篡改（签名 {field} 覆盖的内容已改变）", "altered after signing (the bytes signature {field} covers have changed)"),
    "sig.invalid": ("签名无效（与证书的密钥不符）；签名人 CN={signer}", "invalid signature (does not match the certificate's key); signer CN={signer}"),
}
