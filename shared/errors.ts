import { safeLine } from './safe-text.ts';

/**
 * Stable error codes with a one-line, actionable message in each interface
 * language. Codes never change once released: the UI, the CLI's --json output
 * and tests key on them. `{name}` placeholders are filled from `params`.
 */
export const ERRORS = {
  E_IO: {
    'zh-CN': '无法读取文件 {path}：{reason}',
    en: 'Cannot read {path}: {reason}',
  },
  E_FILE_TOO_LARGE: {
    'zh-CN': '文件过大（{size} 字节，上限 {limit} 字节），已拒绝打开。',
    en: 'The file is too large ({size} bytes, limit {limit}); it was not opened.',
  },
  E_AGE_HEADER: {
    'zh-CN': '这不是有效的 age 加密文件（文件头损坏或格式错误）：{reason}',
    en: 'This is not a valid age-encrypted file (damaged or malformed header): {reason}',
  },
  E_AGE_HEADER_MAC: {
    'zh-CN': '加密文件头已被篡改（MAC 校验失败），请向发送方索取原始文件。',
    en: 'The encrypted header has been tampered with (MAC check failed); ask the sender for the original file.',
  },
  E_WRONG_KEY: {
    'zh-CN': '此文件不是加密给您的身份的，请确认选择了正确的身份或文件。',
    en: 'This file was not encrypted to your identity; check that you chose the right identity and file.',
  },
  E_SCRYPT_WORK_FACTOR: {
    'zh-CN': '文件要求的 scrypt 计算量过大（2^{logN}，上限 2^{cap}），已拒绝以免长时间占用计算机。',
    en: 'The file asks for an excessive scrypt work factor (2^{logN}, limit 2^{cap}); refused to avoid tying up the computer.',
  },
  E_PASSPHRASE: {
    'zh-CN': '口令不正确，无法解开私钥。',
    en: 'Wrong passphrase: the secret keys could not be unlocked.',
  },
  E_AGE_PAYLOAD: {
    'zh-CN': '加密内容已损坏或被截断（第 {chunk} 块认证失败），未使用任何未经认证的内容。',
    en: 'The encrypted content is damaged or truncated (chunk {chunk} failed authentication); no unauthenticated data was used.',
  },
  E_AGE_TRUNCATED: {
    'zh-CN': '加密文件不完整：缺少最后一个数据块，文件可能在传输中被截断。',
    en: 'The encrypted file is incomplete: its final chunk is missing, so it was probably cut short in transfer.',
  },
  E_AGE_TRAILING: {
    'zh-CN': '加密文件在结尾之后还有多余数据，文件已被改动。',
    en: 'The encrypted file has extra data after its end; it has been altered.',
  },
  E_SIG_MISSING: {
    'zh-CN': '缺少签名文件 {file}，无法确认来源。',
    en: 'The signature {file} is missing, so the origin cannot be confirmed.',
  },
  E_SIG_INVALID: {
    'zh-CN': '{file} 的签名无效：内容在签名后被改动，或签名已损坏（{reason}）。',
    en: 'The signature on {file} is not valid: the content changed after signing or the signature is damaged ({reason}).',
  },
  E_SIG_SIGNER: {
    'zh-CN': '{file} 由未知密钥签名（指纹 {fingerprint}），与预期的签名人不符。',
    en: '{file} was signed by a key you have not seen before (fingerprint {fingerprint}), not the expected signer.',
  },
  E_ZIP_CORRUPT: {
    'zh-CN': '包内 ZIP 结构损坏：{reason}',
    en: 'The ZIP inside the file is damaged: {reason}',
  },
  E_ZIP_PATH: {
    'zh-CN': '包内含有不安全的路径“{path}”（绝对路径、“..”或反斜杠），已拒绝。',
    en: 'The package holds an unsafe path "{path}" (absolute, "..", or backslash); refused.',
  },
  E_ZIP_SYMLINK: {
    'zh-CN': '包内含有符号链接“{path}”，已拒绝。',
    en: 'The package holds a symbolic link "{path}"; refused.',
  },
  E_ZIP_DIRECTORY: {
    'zh-CN': '包内含有目录条目“{path}”，已拒绝（只允许文件）。',
    en: 'The package holds a directory entry "{path}"; only files are allowed.',
  },
  E_ZIP_DUPLICATE: {
    'zh-CN': '包内文件“{path}”重复出现（不区分大小写），已拒绝。',
    en: 'The file "{path}" appears twice in the package (ignoring case); refused.',
  },
  E_ZIP_UNLISTED: {
    'zh-CN': '包内文件“{path}”未在清单中登记，已拒绝。',
    en: 'The file "{path}" in the package is not listed in its manifest; refused.',
  },
  E_ZIP_LIMIT: {
    'zh-CN': '包超出安全限制：{what}（{value}，上限 {limit}）。',
    en: 'The package exceeds a safety limit: {what} ({value}, limit {limit}).',
  },
  E_ZIP_RATIO: {
    'zh-CN': '包内文件“{path}”压缩比异常（{ratio}:1），疑似压缩炸弹，已拒绝。',
    en: 'The file "{path}" has an abnormal compression ratio ({ratio}:1), a likely ZIP bomb; refused.',
  },
  E_ZIP_ENTRY_SIZE: {
    'zh-CN': '包内文件“{path}”解压后不是其声明的 {size} 字节（疑似压缩炸弹），已停止解压并拒绝。',
    en: 'The file "{path}" does not inflate to the {size} bytes it declares (a likely ZIP bomb); inflating stopped and the file was refused.',
  },
  E_ZIP_OVERLAP: {
    'zh-CN': '包内文件“{first}”与“{second}”共用同一段数据（压缩炸弹的构造方式），已拒绝。',
    en: 'The entries "{first}" and "{second}" share the same bytes (the way ZIP bombs are built); refused.',
  },
  E_FILE_MISSING: {
    'zh-CN': '清单登记的文件“{path}”在包中不存在。',
    en: 'The file "{path}" listed in the manifest is missing from the package.',
  },
  E_HASH_MISMATCH: {
    'zh-CN': '文件“{path}”的 SHA-256 与清单不符，内容已被改动。',
    en: 'The SHA-256 of "{path}" does not match the manifest; its content has been altered.',
  },
  E_SCHEMA: {
    'zh-CN': '{file} 不符合格式要求：{reason}',
    en: '{file} does not conform to its schema: {reason}',
  },
  E_SCHEMA_VERSION: {
    'zh-CN': '{file} 的格式版本 {version} 不受支持（支持 {supported}），请升级评审台。',
    en: '{file} has format version {version}, which is not supported (supported: {supported}); update ReviewDesk.',
  },
  E_SCHEMA_OLD: {
    'zh-CN':
      '{file} 来自较早版本的评审台（格式版本 {version}，本版本读取 {supported}），已拒绝。请向秘书处索取用当前版本评审台重新制作的文件。',
    en: '{file} comes from an older ReviewDesk (format version {version}; this version reads {supported}) and was refused. Ask the secretariat for one made again with the current ReviewDesk.',
  },
  E_SCHEMA_OLD_SCORES: {
    'zh-CN':
      '{file} 是较早版本评审台导出的评分文件（格式版本 {version}，本版本读取 {supported}），已拒绝。请用当前版本评审台重新制作评审包并发给该专家，专家导入后再导出评分文件。',
    en: '{file} is a score file from an older ReviewDesk (format version {version}; this version reads {supported}) and was refused. Make the packages again with the current ReviewDesk and send the expert theirs; the expert then imports it and exports the score file again.',
  },
  E_ROUND_OLD: {
    'zh-CN':
      '{file} 是较早版本评审台的轮次格式（格式版本 {version}，本版本读取 {supported}）。请改为当前格式：在 rubrics 中列出各评分细则（id 与路径），并为每个申报项目填写 rubricId（其申报类别的评分细则），详见 docs/formats.md。',
    en: '{file} is a round of an older ReviewDesk (format version {version}; this version reads {supported}). Bring it to the current format: list the rubrics (id and path) under rubrics and give each application the rubricId of its category’s rubric; see docs/formats.md.',
  },
  E_RUBRIC_CATEGORY: {
    'zh-CN':
      '申报项目 {application}（{category}）的评分细则 {rubric} 只适用于 {appliesTo}，已拒绝。请向秘书处索取按申报类别配备评分细则的评审包。',
    en: 'Application {application} ({category}) is given rubric {rubric}, which applies only to {appliesTo}; refused. Ask the secretariat for a package that gives each application the rubric of its declared category.',
  },
  E_COMBINED_RANKING: {
    'zh-CN': '无法合并排名：评分细则 {rubrics} 的满分不同（{totals}）。不同评分细则的申报项目分别排名。',
    en: 'A combined ranking is not possible: rubrics {rubrics} have different totals ({totals}). Applications of different rubrics are ranked separately.',
  },
  E_NOT_CANONICAL: {
    'zh-CN': '{file} 不是 RFC 8785 规范化 JSON，已拒绝。',
    en: '{file} is not RFC 8785 canonical JSON; refused.',
  },
  E_NOT_FOR_YOU: {
    'zh-CN': '此评审包是发给指纹为 {expected} 的专家的，而您的指纹是 {actual}。',
    en: 'This package was issued to the expert with fingerprint {expected}, but yours is {actual}.',
  },
  E_IDENTITY: {
    'zh-CN': '身份目录 {path} 无效：{reason}',
    en: 'The identity folder {path} is not valid: {reason}',
  },
  E_ROUND: {
    'zh-CN': '评审批次目录无效：{reason}',
    en: 'The round folder is not valid: {reason}',
  },
  E_DRAW_TOO_FEW: {
    'zh-CN': '无利益冲突的可用专家不足每项 {n} 人，无法抽取：{applications}（括号内为可用人数）。请补充专家库或调整每项专家人数。',
    en: 'Too few available experts without a conflict to draw {n} for: {applications} (available in brackets). Add experts to the pool or lower the number per application.',
  },
  E_DRAW_ISSUED: {
    'zh-CN':
      '评审包已按种子「{seed}」的抽取结果发放；换用其他种子重新抽取会作废已发放的评审包。确需如此，命令行请加 --force，应用中请勾选「确认用新种子重新抽取」。',
    en: 'Packages have been issued from the draw with seed "{seed}"; drawing with another seed voids them. If that is intended, add --force on the command line, or tick "draw again with the new seed" in the app.',
  },
  E_DRAW_NONE: {
    'zh-CN': '{dir} 中没有抽取记录（draw.json），请先运行 reviewdesk round draw。',
    en: '{dir} holds no draw record (draw.json); run reviewdesk round draw first.',
  },
  E_DRAW_MISMATCH: {
    'zh-CN': 'round.json 中的分配与抽取记录及已记录的调整不一致（可能被手工改动）。请用 reviewdesk round assign 记录调整，或重新抽取。',
    en: "round.json's assignment differs from the draw record and its recorded adjustments (it may have been edited by hand). Record changes with reviewdesk round assign, or draw again.",
  },
  E_ASSIGNMENT_CONFLICT: {
    'zh-CN': '专家 {expert} 与申报 {application} 存在未排除的利益冲突，不能分配。如经核实不构成冲突，请先记录排除理由。',
    en: 'Expert {expert} has an unresolved conflict with application {application} and cannot be assigned. If it is not a conflict, record why first.',
  },
  E_CONFLICT_ASSIGNED: {
    'zh-CN': '专家 {expert} 的评审包已含申报 {application}，请先将其从分配中移除（附理由）并重新发放评审包，再确认此利益冲突。',
    en: "Expert {expert}'s issued package already holds application {application}: remove it from the assignment (with a reason) and reissue the packages before confirming this conflict.",
  },
  E_CARD_CHANGED: {
    'zh-CN': '专家 {expert} 的公钥卡片已变更（原指纹 {old}，新指纹 {new}）。请先与本人电话核对新指纹，确认后再导入。',
    en: "Expert {expert}'s card has changed (fingerprint {old} before, {new} now). Confirm the new fingerprint with the expert by phone before importing it.",
  },
  E_IMPORT_ROWS: {
    'zh-CN': '{file} 有 {count} 处问题，未导入任何内容：{first}',
    en: '{file} has {count} problem(s); nothing was imported: {first}',
  },
  E_NO_ROUND: {
    'zh-CN': '尚未创建评审批次，请先在「评审批次」中创建。',
    en: 'No review round has been created yet; create one under Review round first.',
  },
  E_ROUND_EXISTS: {
    'zh-CN': '本工作区已有一个评审批次；一个工作区只准备一个批次。',
    en: 'This workspace already holds a review round; a workspace prepares one round.',
  },
  E_MERGE_UNKNOWN_SIGNER: {
    'zh-CN': '评分文件由本轮专家名单之外的人签名（指纹 {fingerprint}，{name}），不计入结果。',
    en: "The score bundle is signed by someone outside this round's expert roster (fingerprint {fingerprint}, {name}); it does not count.",
  },
  E_MERGE_WRONG_ROUND: {
    'zh-CN': '评分文件属于评审轮次 {actual}，而不是本轮 {expected}。',
    en: 'The score bundle belongs to round {actual}, not to this round ({expected}).',
  },
  E_MERGE_WRONG_PACKAGE: {
    'zh-CN': '评分文件引用的评审包（{packageId}）不是发给专家 {expertId} 的那一个（{issued}），或评审包文件已被改动。',
    en: 'The score bundle quotes a review package ({packageId}) other than the one issued to expert {expertId} ({issued}), or a changed copy of it.',
  },
  E_MERGE_RUBRIC_VERSION: {
    'zh-CN': '评分文件使用评分细则 {actual}，与本轮评分细则 {expected} 不一致。',
    en: "The score bundle uses rubric {actual}, not this round's rubric {expected}.",
  },
  E_MERGE_REVISION_CONFLICT: {
    'zh-CN': '专家 {expertId} 的第 {revision} 版评分文件有多个内容不同的文件，无法判断哪一个有效，均不计入。',
    en: 'Expert {expertId} has several files for revision {revision} with different content; none can be trusted over the other, so none counts.',
  },
  E_MERGE_UNASSIGNED: {
    'zh-CN': '评分文件含有未分配给专家 {expertId} 的申报项目 {applicationId}。',
    en: 'The score bundle holds application {applicationId}, which was not assigned to expert {expertId}.',
  },
  E_MERGE_SCORES: {
    'zh-CN': '评分文件中 {applicationId} 的评分与评分细则不符：{reason}',
    en: 'The scores for {applicationId} do not fit the rubric: {reason}',
  },
  E_LEDGER: {
    'zh-CN': '评审包发放记录 {path} 无效：{reason}',
    en: 'The package ledger {path} is not valid: {reason}',
  },
  E_NOT_SECRETARIAT: {
    'zh-CN': '汇总评分只能由秘书处身份进行；本工作区的身份是专家。',
    en: 'Only a secretariat identity can merge score bundles; this workspace belongs to an expert.',
  },
  E_NO_LEDGER: {
    'zh-CN': '尚未导入评审包发放记录（ledger.json 及其签名 ledger.json.sig），请先导入。',
    en: 'No package ledger yet: import ledger.json and its signature ledger.json.sig first.',
  },
  E_NO_BUNDLES: {
    'zh-CN': '尚未导入任何评分文件（.rsb），无法生成结果。',
    en: 'No score bundles (.rsb) have been imported yet, so there are no results.',
  },
  E_NOT_BUNDLE: {
    'zh-CN': '“{file}”不是评分文件（.rsb）文件，已忽略。',
    en: '"{file}" is not a score bundle (.rsb); it was ignored.',
  },
  E_USAGE: {
    'zh-CN': '用法错误：{reason}',
    en: 'Usage error: {reason}',
  },
  E_RUBRIC_XLSX: {
    'zh-CN': '评分细则工作簿无法读取：工作表“{sheet}”第 {row} 行“{column}”列：{reason}。请改正该单元格后重新导入。',
    en: 'The rubric workbook cannot be read: sheet "{sheet}", row {row}, column "{column}": {reason}. Correct that cell and import again.',
  },
  E_RUBRIC_INVALID: {
    'zh-CN': '评分细则不符合要求：{issues}。请按所列位置改正后重试。',
    en: 'The rubric is not valid: {issues}. Correct it at the places listed and try again.',
  },
  E_INVALID_INPUT: {
    'zh-CN': '请求参数无效：{reason}',
    en: 'Invalid request: {reason}',
  },
  E_UNKNOWN_CHANNEL: {
    'zh-CN': '未知的操作“{channel}”。',
    en: 'Unknown operation "{channel}".',
  },
  E_FORBIDDEN_SENDER: {
    'zh-CN': '拒绝来自非本应用页面的请求。',
    en: 'Refused a request that did not come from the app itself.',
  },
  E_APP_INTEGRITY: {
    'zh-CN': '评审台的程序文件 {file} 缺失或已被改动（共 {count} 处），为安全起见无法启动。请用官方安装包重新安装评审台。',
    en: 'A ReviewDesk program file, {file}, is missing or was changed ({count} in all), so for safety ReviewDesk will not start. Reinstall it from the official installer.',
  },
  E_NO_IDENTITY: {
    'zh-CN': '尚未创建专家身份，请先完成首次设置。',
    en: 'No identity has been created yet; complete the first-run setup first.',
  },
  E_CARD_TEXT: {
    'zh-CN': '姓名、工作单位和专业领域须为单行文字，不能含换行、控制字符或文字方向控制符，请删除后重试。',
    en: 'Name, organisation and fields of expertise must each be one line of text, without line breaks, control characters or direction overrides: remove them and try again.',
  },
  E_IDENTITY_EXISTS: {
    'zh-CN': '本工作区已有专家身份，不能再次创建。',
    en: 'This workspace already has an identity; it cannot be created again.',
  },
  E_LOCKED: {
    'zh-CN': '私钥已锁定，请先输入口令解锁。',
    en: 'The secret keys are locked; enter your passphrase to unlock them.',
  },
  E_PASSPHRASE_REQUIRED: {
    'zh-CN': '本机的系统钥匙串不能真正保护密钥（{backend}），请设置至少 8 个字符的口令。',
    en: "This computer's keychain cannot really protect the keys ({backend}); set a passphrase of at least 8 characters.",
  },
  E_NOT_FOUND: {
    'zh-CN': '找不到{what}“{id}”。',
    en: 'No {what} "{id}" was found.',
  },
  E_UNKNOWN_PACKAGE: {
    'zh-CN': '工作区中没有评审包“{id}”，请先导入。',
    en: 'There is no package "{id}" in this workspace; import it first.',
  },
  E_UNKNOWN_APPLICATION: {
    'zh-CN': '此评审包中没有申报“{id}”。',
    en: 'This package has no application "{id}".',
  },
  E_UNKNOWN_CRITERION: {
    'zh-CN': '评分细则中没有指标“{id}”。',
    en: 'The rubric has no criterion "{id}".',
  },
  E_UNKNOWN_AUDIT: {
    'zh-CN': '找不到修改记录 {id}。',
    en: 'There is no edit history entry {id}.',
  },
  E_UNKNOWN_FILE: {
    'zh-CN': '申报“{application}”的材料中没有文件“{path}”。',
    en: 'The dossier of application "{application}" has no file "{path}".',
  },
  E_PHOTO_TYPE: {
    'zh-CN': '{name} 不是 JPEG 或 PNG 照片，未添加。请从相机或手机导出为 JPEG 后再添加。',
    en: '{name} is not a JPEG or PNG photo and was not added; export it from the camera or phone as JPEG and add it again.',
  },
  E_PHOTO_TOO_LARGE: {
    'zh-CN': '{name} 过大（{size} 字节，每张照片上限 {limit} 字节），未添加。',
    en: '{name} is too large ({size} bytes; a photo may have at most {limit}); it was not added.',
  },
  E_PHOTO_CORRUPT: {
    'zh-CN': '{name} 无法读取（文件已损坏或不完整：{reason}），未添加。',
    en: '{name} cannot be read (the file is damaged or incomplete: {reason}); it was not added.',
  },
  E_PHOTO_LIMIT: {
    'zh-CN': '照片数量或总大小超出上限：{reason}。请先删除不需要的照片。',
    en: 'Too many photos or too many bytes of photos: {reason}. Remove photos you do not need first.',
  },
  E_UNKNOWN_PHOTO: {
    'zh-CN': '找不到照片 {id}，可能已被删除。',
    en: 'Photo {id} was not found; it may have been removed.',
  },
  E_EVIDENCE_PHOTO: {
    'zh-CN':
      '专家组意见引用的照片 {photo} 不在专家 {expert} 对 {application} 的现场考察记录中（以采纳的评分文件为准），未予记录。请从该申报的现场照片中重新选择。',
    en: "The photo {photo} cited by the panel's consensus is not in {expert}'s site visit of {application} (as the accepted score file records it), so it was not recorded. Choose it again from the application's site-visit photos.",
  },
  E_NO_SITE_VISIT: {
    'zh-CN': '{application} 的评审细则没有现场考察要点，无需记录现场考察。',
    en: 'The rubric of {application} has no site-visit checklist; there is no site visit to record.',
  },
  E_INVALID_ENTRY: {
    'zh-CN': '无法保存：{reason}',
    en: 'Cannot save: {reason}',
  },
  E_RECUSAL_REASON: {
    'zh-CN': '声明回避时必须填写理由（例如“同一单位”）。',
    en: 'A recusal needs a reason (for example "same organisation").',
  },
  E_PACKAGE_REPLACED: {
    'zh-CN': '工作区中已有编号相同但内容不同的评审包“{id}”，已拒绝导入。请向秘书处核实。',
    en: 'A different package with the same id "{id}" is already in this workspace; refused. Check with the secretariat.',
  },
  // Raised by ReviewDesk up to per-round pins; since trust is pinned per secretariat, E_SECRETARIAT_KEY_CONFLICT.
  E_SIGNER_CHANGED: {
    'zh-CN': '警告：本轮次此前的评审包由指纹 {pinned} 签名，而此包由 {actual} 签名。请先与秘书处电话核实指纹，再决定是否接受。',
    en: 'Warning: earlier packages of this round were signed by {pinned}, but this one by {actual}. Confirm the fingerprint with the secretariat by phone before accepting it.',
  },
  E_SECRETARIAT_KEY_CONFLICT: {
    'zh-CN':
      '已拒绝：此评审包的签名名片自称“{organisation}”，但您已确认的“{organisation}”秘书处密钥指纹是 {pinned}，而此包由指纹 {actual} 签名，可能是冒充。请致电秘书处核实；若对方确实更换了密钥，请先在“受信任的秘书处”中移除旧指纹，再重新导入。',
    en: 'Refused: the card that signed this package claims to be "{organisation}", but the key you accepted for "{organisation}" has fingerprint {pinned}, and this package was signed by {actual}. It may be an impostor. Phone the secretariat; if it really changed its key, remove the old fingerprint under "Trusted secretariats" first, then import again.',
  },
  E_TRUST_PENDING_GONE: {
    'zh-CN': '等待确认的评审包已不在（已接受、已拒绝，或因锁定、重启而丢弃），请重新导入该文件。',
    en: 'The package waiting for your decision is no longer held (accepted, refused, or dropped on lock or restart); import the file again.',
  },
  E_PLEDGE_REQUIRED: {
    'zh-CN': '请先签署保密承诺，再查看评审材料。',
    en: 'Accept the confidentiality pledge before viewing any review material.',
  },
  E_CONFLICT_UNDECLARED: {
    'zh-CN': '请先就申报“{application}”作出利益冲突声明。',
    en: 'Declare any conflict of interest for application "{application}" first.',
  },
  E_RECUSED: {
    'zh-CN': '您已对申报“{application}”声明回避，该申报已锁定。',
    en: 'You recused yourself from application "{application}"; it is locked.',
  },
  E_INVALID_SCORE: {
    'zh-CN': '分值 {value} 不在指标“{criterion}”允许的范围或步长内。',
    en: 'The score {value} is not allowed for criterion "{criterion}" (outside its range or step).',
  },
  E_INCOMPLETE: {
    'zh-CN': '评审尚未完成（缺少 {count} 项），请补全或确认导出未完成的评分。',
    en: 'The review is not complete ({count} items missing); complete it or confirm exporting an incomplete bundle.',
  },
  E_DB_NEWER: {
    'zh-CN': '本地数据库来自更新版本的评审台（版本 {found}，本程序支持到 {supported}），请升级评审台后再打开。',
    en: 'The local database was written by a newer ReviewDesk (version {found}; this one supports up to {supported}); update ReviewDesk to open it.',
  },
  E_DB: {
    'zh-CN': '本地数据库出错：{reason}',
    en: 'Local database error: {reason}',
  },
  E_DB_KEY: {
    'zh-CN': '工作区数据库无法用它的密钥（workspace.key）打开：两者不是同一个工作区的，或其中之一已损坏。请从备份恢复整个工作区文件夹。',
    en: 'The workspace database cannot be opened with its key (workspace.key): they are not from the same workspace, or one of them is damaged. Restore the whole workspace folder from a backup.',
  },
  E_PREFERENCES: {
    'zh-CN': '工作区的偏好设置文件（preferences.json）无法读取：{reason}。请从备份恢复该文件。',
    en: 'The workspace preferences file (preferences.json) cannot be read: {reason}. Restore it from a backup.',
  },
  E_WORKSPACE_LOCKED: {
    'zh-CN': '此工作区已被另一个评审台进程打开（进程 {pid}，{hostname}）。请先关闭它再试。',
    en: 'This workspace is already open in another ReviewDesk process (pid {pid} on {hostname}). Close it and try again.',
  },
  E_DISK_FULL: {
    'zh-CN': '磁盘空间不足，{zhWhat}未完成，未写入任何内容，也未丢失已保存的内容。请腾出空间后重试。',
    en: 'The disk is full: {enWhat} did not happen, nothing was written and nothing saved was lost. Free some space and try again.',
  },
  E_OUTPUT_DIR: {
    'zh-CN': '输出文件夹“{path}”不存在（或不是文件夹），未做任何处理。请先创建该文件夹或换一个位置。',
    en: 'The output folder "{path}" does not exist (or is not a folder); nothing was done. Create it or choose another place.',
  },
  E_FILE_SYSTEM: {
    'zh-CN': '文件操作失败：“{path}”{zhReason}（{errno}）。',
    en: 'A file operation failed: "{path}" {enReason} ({errno}).',
  },
  E_OUTPUT_IS_DIR: {
    'zh-CN': '“{path}”是一个文件夹，不能作为输出文件名，未做任何处理。',
    en: '"{path}" is a folder, not a file name for the output; nothing was done.',
  },
  E_REQUEST_TOO_LARGE: {
    'zh-CN': '请求过大（至少 {size} 字节，操作“{channel}”的上限为 {limit} 字节），已拒绝。',
    en: 'The request is too large (at least {size} bytes; the limit for "{channel}" is {limit}); refused.',
  },
  E_UNSUPPORTED: {
    'zh-CN': '此环境不支持该操作：{what}',
    en: 'This is not supported here: {what}',
  },
  E_INTERNAL: {
    'zh-CN': '内部错误：{reason}。请把此信息报告给开发者。',
    en: 'Internal error: {reason}. Please report this to the developers.',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. Values often come from a file (a path, a name,
 * a parser's excerpt), so each is made one safe line here, the one place every
 * message is built: no control character or line break reaches a terminal or
 * breaks the one-line error format.
 */
export function formatMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? safeLine(String(params[k])) : m));
}

/** The message for a code in one language. */
export function errorMessage(code: ErrorCode, params: ErrorParams, locale: 'zh-CN' | 'en'): string {
  return formatMessage(ERRORS[code][locale], params);
}

/** An error with a stable code and bilingual, actionable messages. */
export class ReviewDeskError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(errorMessage(code, params, 'en'), options);
    this.name = 'ReviewDeskError';
    this.code = code;
    this.params = params;
  }
  /** The message in the given language. */
  localized(locale: 'zh-CN' | 'en'): string {
    return errorMessage(this.code, this.params, locale);
  }
  /** Serialisable form for the CLI's --json output and the IPC envelope. */
  toJSON(): { code: ErrorCode; message: { 'zh-CN': string; en: string }; params: ErrorParams } {
    return { code: this.code, message: { 'zh-CN': this.localized('zh-CN'), en: this.localized('en') }, params: this.params };
  }
}

/**
 * Whether an error from Node's file system or SQLite means the disk (or quota) is full:
 * ENOSPC / EDQUOT from fs, SQLITE_FULL from SQLite. Callers turn it into E_DISK_FULL.
 */
export function isDiskFullError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** What a file system error says about the path, in both languages; errors not listed are not the user's to fix. */
const FS_REASONS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '不存在', en: 'does not exist' },
  EISDIR: { zh: '是一个文件夹，而此处需要文件', en: 'is a folder where a file is needed' },
  ENOTDIR: { zh: '的某一级不是文件夹', en: 'has a part that is not a folder' },
  EACCES: { zh: '无访问权限', en: 'may not be accessed (permission denied)' },
  EPERM: { zh: '不允许此操作', en: 'does not allow this operation' },
  EEXIST: { zh: '已存在', en: 'already exists' },
  EROFS: { zh: '位于只读文件系统上', en: 'is on a read-only file system' },
  ENAMETOOLONG: { zh: '名称过长', en: 'has too long a name' },
  ELOOP: { zh: '含有循环的符号链接', en: 'has a loop of symbolic links' },
};

/**
 * A file system error that the person can act on (a missing folder, a file
 * where a folder was meant, no permission, a full disk) as a stable code
 * naming the path, instead of an internal error; null for anything else.
 */
export function fromFileSystemError(e: unknown, what = '此操作 (this operation)'): ReviewDeskError | null {
  if (isDiskFullError(e)) return new ReviewDeskError('E_DISK_FULL', { what }, { cause: e });
  const { code, path } = (e ?? {}) as { code?: unknown; path?: unknown };
  const reason = typeof code === 'string' && Object.hasOwn(FS_REASONS, code) ? FS_REASONS[code]! : null;
  if (!reason) return null;
  return new ReviewDeskError(
    'E_FILE_SYSTEM',
    { path: typeof path === 'string' ? path : '?', zhReason: reason.zh, enReason: reason.en, errno: code as string },
    { cause: e },
  );
}

/** Whether a value is a ReviewDeskError with (optionally) the given code. */
export function isReviewDeskError(e: unknown, code?: ErrorCode): e is ReviewDeskError {
  return e instanceof ReviewDeskError && (code === undefined || e.code === code);
}
