<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>เพิ่มผู้ใช้</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>เช่น somchai</source>
        <translation>e.g. somchai</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Full name</translation>
    </message>
</context>
<context>
    <name>AssessTab</name>
    <message>
        <source>ยังไม่ประเมิน</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ความต้องการ %1 ข้อ</source>
        <translation>%1 needs</translation>
    </message>
    <message>
        <source>ความต้องการ 6 ด้าน</source>
        <translation>Needs in six areas</translation>
    </message>
    <message>
        <source>สาเหตุที่ออกจากการศึกษา</source>
        <translation>Why the child left education</translation>
    </message>
    <message>
        <source>เหตุผลอื่น (เมื่อเลือก "อื่น ๆ")</source>
        <translation>Another reason (with "Other")</translation>
    </message>
    <message>
        <source>สถานศึกษาเดิม</source>
        <translation>Last school</translation>
    </message>
    <message>
        <source>ออกเมื่อ</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>เช่น 1/7/2569 (เว้นว่างได้)</source>
        <translation>e.g. 1/7/2569 (may be left blank)</translation>
    </message>
    <message>
        <source>วันที่ประเมิน</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>บันทึกเพิ่มเติม</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>บันทึกการประเมิน</source>
        <translation>Save the assessment</translation>
    </message>
    <message>
        <source>ยังไม่ได้ประเมินความต้องการ</source>
        <translation>Needs not assessed yet</translation>
    </message>
    <message>
        <source>ประเมินครบทุกด้านแล้ว (%1 โดย %2)</source>
        <translation>Every area assessed (%1 by %2)</translation>
    </message>
    <message>
        <source>บันทึกไว้แต่ยังไม่ครบ: ประเมินให้ครบทุกด้านและระบุสาเหตุ จึงจะเปลี่ยนสถานะเป็น "ประเมินความต้องการแล้ว" ได้</source>
        <translation>Saved but not complete: rate every area and give a reason before the case can move to "Needs assessed"</translation>
    </message>
    <message>
        <source>บันทึกการประเมินความต้องการแล้ว</source>
        <translation>Needs assessment saved</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>ที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>ชื่อ-สกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>การมาเรียน</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>มา</source>
        <translation>present</translation>
    </message>
    <message>
        <source>เดือนนี้</source>
        <translation>This month</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> วัน</source>
        <translation> days</translation>
    </message>
    <message>
        <source>วันเปิดเรียนของภาคเรียน ใช้กับแถวที่ช่องวันเปิดเรียนว่าง</source>
        <translation>The term's school days, used for rows whose school days are blank</translation>
    </message>
    <message>
        <source>ชั้นเรียน</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>วันเปิดเรียน</source>
        <translation>School days</translation>
    </message>
    <message>
        <source>พิมพ์จำนวนวันมาเรียน แล้วกด Enter ไปคนถัดไป · ลูกศรซ้าย/ขวา สลับช่องวันมาเรียนกับวันเปิดเรียน · ช่องวันเปิดเรียนที่ว่างใช้ค่าด้านบน · Ctrl+S บันทึกทั้งชั้น</source>
        <translation>Type the days present, then Enter for the next child · Left/Right arrows switch between days present and school days · blank school days use the value above · Ctrl+S saves the whole class</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>วันมาเรียน</source>
        <translation>Days present</translation>
    </message>
    <message>
        <source>ร้อยละ</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>ผลในรอบนี้</source>
        <translation>In this round</translation>
    </message>
    <message>
        <source>บันทึกการมาเรียนของชั้นนี้</source>
        <translation>Save this class's attendance</translation>
    </message>
    <message>
        <source>ยกเลิกการแก้</source>
        <translation>Undo edits</translation>
    </message>
    <message>
        <source>นำเข้าการมาเรียนจากไฟล์…</source>
        <translation>Import attendance from a file…</translation>
    </message>
    <message>
        <source> ห้อง %1</source>
        <translation> room %1</translation>
    </message>
    <message>
        <source>%1 · %2%3 (%4 คน บันทึกแล้ว %5)</source>
        <translation>%1 · %2%3 (%4 children, %5 recorded)</translation>
    </message>
    <message>
        <source>การมาเรียนของชั้นก่อนหน้ายังไม่ได้บันทึก ทิ้งการแก้ไขนั้นหรือไม่</source>
        <translation>The previous class's attendance is not saved. Discard those edits?</translation>
    </message>
    <message>
        <source>มีสิทธิ์</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>รอ</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>ไม่มีสิทธิ์</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>ไม่ได้คัดกรองในภาคเรียนนี้</source>
        <translation>Not screened this term</translation>
    </message>
    <message>
        <source>
… และอีก %1 ข้อ</source>
        <translation>
… and %1 more</translation>
    </message>
    <message>
        <source>%1: มีวันเปิดเรียนแต่ยังไม่มีวันมาเรียน</source>
        <translation>%1: school days given but no days present</translation>
    </message>
    <message>
        <source>%1: ยังไม่มีวันเปิดเรียน ใส่ในแถวนี้หรือในช่องวันเปิดเรียนด้านบน</source>
        <translation>%1: no school days yet; type them in this row or in the school days box above</translation>
    </message>
    <message>
        <source>ยังไม่มีวันมาเรียนให้บันทึกในชั้นนี้</source>
        <translation>No days present to save in this class yet</translation>
    </message>
    <message>
        <source>บันทึกการมาเรียนแล้ว %1 คน</source>
        <translation>Attendance saved for %1 children</translation>
    </message>
    <message>
        <source>นำเข้าการมาเรียนจากไฟล์</source>
        <translation>Import attendance from a file</translation>
    </message>
    <message>
        <source>ตารางข้อมูล (*.xlsx *.xls *.csv);;ทุกไฟล์ (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>กำลังนำเข้าการมาเรียนจาก %1…</source>
        <translation>Importing attendance from %1…</translation>
    </message>
    <message>
        <source>นำเข้าการมาเรียนแล้ว %1 คน</source>
        <translation>Attendance imported for %1 children</translation>
    </message>
    <message>
        <source>นำเข้าไม่สำเร็จ: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <source>การมาเรียน %1 %2</source>
        <translation>Attendance %1 %2</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>สำรองข้อมูลไปยังโฟลเดอร์หรือแฟลชไดรฟ์…</source>
        <translation>Back up to a folder or USB stick…</translation>
    </message>
    <message>
        <source>กู้คืนจากไฟล์สำรอง…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้อยู่บนเซิร์ฟเวอร์ ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์</source>
        <translation>This database is on a server: back it up with the server's tools</translation>
    </message>
    <message>
        <source>เลือกโฟลเดอร์หรือแฟลชไดรฟ์ที่จะเก็บไฟล์สำรอง</source>
        <translation>Choose the folder or USB stick for the backup</translation>
    </message>
    <message>
        <source>กำลังสำรองข้อมูล…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source> เด็ก %1 คน</source>
        <translation>, %1 children</translation>
    </message>
    <message>
        <source>สำรองข้อมูลแล้ว และตรวจแล้วว่าไฟล์สำรองใช้ได้ (ความถูกต้อง จำนวนแถว และค่า SHA-256)

%1
%2%3</source>
        <translation>Backed up, and the backup verified (integrity, row counts and SHA-256)

%1
%2%3</translation>
    </message>
    <message>
        <source>สำรองข้อมูลไม่สำเร็จ

%1</source>
        <translation>The backup failed

%1</translation>
    </message>
    <message>
        <source>ยกเลิกการสำรองแล้ว ไม่มีไฟล์สำรองค้างไว้ครึ่ง ๆ กลาง ๆ</source>
        <translation>Backup cancelled. No half-written backup was left behind</translation>
    </message>
    <message>
        <source>เลือกไฟล์สำรองที่จะกู้คืน</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>ไฟล์สำรอง Samoe (*.db)</source>
        <translation>Samoe backups (*.db)</translation>
    </message>
    <message>
        <source>กำลังตรวจไฟล์สำรอง…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>กำลังกู้คืนฐานข้อมูลจากไฟล์สำรอง รอให้เสร็จก่อน</source>
        <translation>The database is being restored from a backup: wait until it is done</translation>
    </message>
    <message>
        <source>กู้คืนแล้ว%1 ใช้เวลา %2 วินาที ไฟล์เดิมเก็บไว้ในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล โปรแกรมจะเปิดฐานข้อมูลใหม่อีกครั้ง</source>
        <translation>Restored%1 in %2 seconds. The replaced file is kept in the backups folder beside the database. The program will now open the database again</translation>
    </message>
    <message>
        <source>กู้คืนไม่สำเร็จ ฐานข้อมูลยังเป็นไฟล์เดิม

%1</source>
        <translation>The restore did not succeed; the database is still the file it was

%1</translation>
    </message>
    <message>
        <source>ยกเลิกการกู้คืนแล้ว ฐานข้อมูลยังเป็นไฟล์เดิม ไม่มีอะไรถูกแทนที่</source>
        <translation>Restore cancelled: the database is still the file it was, nothing was replaced</translation>
    </message>
    <message>
        <source>กำลังกู้คืนจากไฟล์สำรอง…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>กู้คืนฐานข้อมูลจากไฟล์สำรองนี้?

%1
สำรองเมื่อ %2 · เด็ก %3 คน

ข้อมูลที่บันทึกหลังเวลานั้นจะไม่อยู่ในฐานข้อมูลที่กู้คืน ไฟล์ปัจจุบันจะถูกเก็บไว้ในโฟลเดอร์ backups ก่อนถูกแทนที่</source>
        <translation>Restore the database from this backup?

%1
Backed up %2 · %3 children

Anything saved after that time will not be in the restored database. The current file is kept in the backups folder before it is replaced</translation>
    </message>
    <message>
        <source>กู้คืน</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>กำลังสำรองข้อมูลประจำวัน…</source>
        <translation>Making the day's backup…</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <source>ตรวจและนำเข้าชุดข้อมูลจาก อปท.</source>
        <translation>Verify and import a bundle from a municipality</translation>
    </message>
    <message>
        <source>เลือกไฟล์ชุดข้อมูล (.samoe) ที่ อปท. ส่งมา แล้วกด ตรวจไฟล์ โปรแกรมตรวจว่าใครส่ง ไฟล์ครบและไม่ถูกแก้ไข และต่อจากชุดก่อนหน้า ก่อนนำเข้า การตรวจไม่เปลี่ยนข้อมูลใด</source>
        <translation>Choose the bundle file (.samoe) a municipality sent and press Verify. Samoe checks who sent it, that it is complete and unchanged, and that it follows the previous bundle, before importing. Verifying changes nothing.</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>ไฟล์ชุดข้อมูล</source>
        <translation>Bundle file</translation>
    </message>
    <message>
        <source>ตรวจไฟล์</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>เขียนใบตอบรับ…</source>
        <translation>Write receipt…</translation>
    </message>
    <message>
        <source>เปิดโฟลเดอร์</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เลือกไฟล์ชุดข้อมูลจาก อปท.</source>
        <translation>Choose a bundle from a municipality</translation>
    </message>
    <message>
        <source>ชุดข้อมูล Samoe (*.samoe);;ทุกไฟล์ (*)</source>
        <translation>Samoe bundles (*.samoe);;All files (*)</translation>
    </message>
    <message>
        <source>เลือกไฟล์ชุดข้อมูลก่อน</source>
        <translation>Choose a bundle file first.</translation>
    </message>
    <message>
        <source>ไม่พบไฟล์ %1 (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์</source>
        <translation>File %1 not found (or not a regular file). Please check the file&apos;s name and location.</translation>
    </message>
    <message>
        <source>ใส่รหัสผ่านของคุณเพื่อเปิดกุญแจของหน่วยงาน (ใช้ถอดรหัสชุดข้อมูล)</source>
        <translation>Type your password to open the office&apos;s keys (they decrypt the bundle).</translation>
    </message>
    <message>
        <source>กำลังตรวจชุดข้อมูล…</source>
        <translation>Verifying the bundle…</translation>
    </message>
    <message>
        <source>ไฟล์ถูกต้อง: ชุดข้อมูลลำดับที่ %1 จาก %2 (%3)</source>
        <translation>The file is valid: bundle number %1 from %2 (%3)</translation>
    </message>
    <message>
        <source>สร้างเมื่อ %1  รหัสชุด %2</source>
        <translation>Made %1  bundle id %2</translation>
    </message>
    <message>
        <source>นำเข้าชุดนี้แล้ว นำเข้าอีกก็ไม่มีอะไรเปลี่ยน ออกใบตอบรับได้</source>
        <translation>This bundle was imported before; importing it again changes nothing. You can write its receipt.</translation>
    </message>
    <message>
        <source>ผู้ส่งแจ้งว่ากู้คืนฐานข้อมูลจากไฟล์สำรอง</source>
        <translation>The sender says its database was restored from a backup</translation>
    </message>
    <message>
        <source> ชุดนี้ต่อจากลำดับที่ %1 ที่รับไว้</source>
        <translation>; this bundle continues from number %1 received here</translation>
    </message>
    <message>
        <source>ชุดนี้ใช้แทนชุดที่ %1 ที่ไม่ได้รับ (ไฟล์หาย): ข้อมูลของชุดนั้นอยู่ในชุดนี้แล้ว</source>
        <translation>This bundle takes the place of number %1, which never arrived (a lost file): its data is in this one.</translation>
    </message>
    <message>
        <source>กำลังนำเข้าชุดข้อมูลจาก อปท.…</source>
        <translation>Importing the bundle from the municipality…</translation>
    </message>
    <message>
        <source>นำเข้าชุดข้อมูลนี้แล้ว (ลำดับที่ %1 จาก %2) ไม่มีอะไรเปลี่ยน</source>
        <translation>This bundle (number %1 from %2) was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>นำเข้าชุดข้อมูลลำดับที่ %1 จาก %2 (%3) แล้ว:</source>
        <translation>Imported bundle number %1 from %2 (%3):</translation>
    </message>
    <message>
        <source>ผู้ส่งกู้คืนฐานข้อมูลจากไฟล์สำรอง: บันทึกไว้แล้ว</source>
        <translation>The sender restored its database from a backup: recorded.</translation>
    </message>
    <message>
        <source>พบเด็กเลขประจำตัวเดียวกันจากหลายหน่วยงาน %1 ราย: รอตรวจสอบ</source>
        <translation>%1 children have the same ID number at more than one office: waiting for review.</translation>
    </message>
    <message>
        <source>กด เขียนใบตอบรับ… เพื่อออกใบตอบรับให้ อปท. ที่ส่งมา</source>
        <translation>Press Write receipt… to issue the receipt for the municipality that sent it.</translation>
    </message>
    <message>
        <source>ใบตอบรับ.samoe-receipt</source>
        <translation>receipt.samoe-receipt</translation>
    </message>
    <message>
        <source>ใบตอบรับ-%1-ชุดที่%2.samoe-receipt</source>
        <translation>receipt-%1-bundle%2.samoe-receipt</translation>
    </message>
    <message>
        <source>บันทึกใบตอบรับ</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>ใบตอบรับ Samoe (*.samoe-receipt)</source>
        <translation>Samoe receipts (*.samoe-receipt)</translation>
    </message>
    <message>
        <source>เขียนใบตอบรับถึง %1 (รับถึงลำดับที่ %2) ลงไฟล์ %3 แล้ว ส่งไฟล์นี้ให้ อปท. นำเข้าที่เมนู แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…</source>
        <translation>Wrote the receipt for %1 (received up to number %2) to %3. Send this file to the municipality; it imports it with File › Import a receipt from the province…</translation>
    </message>
    <message>
        <source>บันทึกคำขอแล้ว: เมื่อผู้ดูแลระบบที่ถือกุญแจสั่ง samoe keys share ผู้ใช้นี้จะนำเข้าได้</source>
        <translation>Request noted: once an administrator who holds the keys runs samoe keys share, this user can import.</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ข้อมูลในฐานข้อมูลไม่เปลี่ยน</source>
        <translation>Cancelled. The database is unchanged.</translation>
    </message>
</context>
<context>
    <name>CaseDashboardView</name>
    <message>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>ปีการศึกษา</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>พิมพ์รายงานประจำเดือน…</source>
        <translation>Print the monthly report…</translation>
    </message>
    <message>
        <source>รายงานกรณีเด็กนอกระบบของเดือนที่เลือก สำหรับนายกฯ และจังหวัด</source>
        <translation>The chosen month's report of cases for the mayor and the province</translation>
    </message>
    <message>
        <source>เดือนของรายงานประจำเดือน</source>
        <translation>The month of the monthly report</translation>
    </message>
    <message>
        <source>%1 (ถึงวันนี้)</source>
        <translation>%1 (to date)</translation>
    </message>
    <message>
        <source>กรณีที่ยังไม่ปิด</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>เลยกำหนดนิเทศติดตาม</source>
        <translation>Follow-ups overdue</translation>
    </message>
    <message>
        <source>%1 วัน</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>จำนวนกรณี</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>รวม</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>รายงานกรณีเด็กนอกระบบประจำเดือน</source>
        <translation>Monthly report of out-of-school cases</translation>
    </message>
    <message>
        <source>กลับเข้าเรียนหรือทำงาน
(ปีนี้)</source>
        <translation>Back in school or work
(this year)</translation>
    </message>
    <message>
        <source>เด็กที่กลับเข้าเรียน เรียน กศน. ฝึกอาชีพ หรือทำงาน ในปีที่เลือกข้างบน</source>
        <translation>Children back in school, in non-formal education, in vocational training or working, in the year chosen above</translation>
    </message>
    <message>
        <source>ใช้เวลาโดยทั่วไป
จากพบตัวถึงกลับเข้าเรียน</source>
        <translation>Typical time
from found to back in school</translation>
    </message>
    <message>
        <source>ครึ่งหนึ่งของเด็กที่กลับเข้าเรียนหรือทำงานในปีนี้ใช้เวลาไม่เกินจำนวนวันนี้ นับจากวันที่พบตัว (ค่ามัธยฐาน)</source>
        <translation>Half of the children back in school or work this year took no more than this many days from being found (the median)</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>เจ้าหน้าที่ติดตามเด็กนอกระบบที่จะมอบหมายกรณีนี้ให้</source>
        <translation>The case worker to assign this case to</translation>
    </message>
    <message>
        <source>มอบหมาย</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>มอบหมายกรณีนี้ให้เจ้าหน้าที่ที่เลือก (หัวหน้างาน)</source>
        <translation>Assign this case to the chosen case worker (a supervisor)</translation>
    </message>
    <message>
        <source>(ไม่มีผู้รับผิดชอบ)</source>
        <translation>(no case worker)</translation>
    </message>
    <message>
        <source>มอบหมายกรณีนี้ให้ %1 แล้ว</source>
        <translation>Case assigned to %1</translation>
    </message>
    <message>
        <source>ยกเลิกผู้รับผิดชอบกรณีนี้แล้ว</source>
        <translation>The case has no case worker now</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบ</source>
        <translation>Out-of-school case</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>เปิดกรณี</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>นิเทศติดตามครั้งถัดไป</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>การติดตามตัว</source>
        <translation>Tracing</translation>
    </message>
    <message>
        <source>เปลี่ยนเป็น</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>สถานที่ (ย้ายไปที่ใด เรียนที่ใด ทำงานที่ใด)</source>
        <translation>Place (moved to, studying at, working at)</translation>
    </message>
    <message>
        <source>เหตุผล (ไม่ประสงค์รับความช่วยเหลือ หรือส่งกลับ)</source>
        <translation>Reason (declined, or sent back)</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>เปลี่ยนสถานะ</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>สถานะและประวัติ</source>
        <translation>Status and history</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบ: %1</source>
        <translation>Out-of-school case: %1</translation>
    </message>
    <message>
        <source>ยังไม่มี</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>อนุมัติโดย %1</source>
        <translation>approved by %1</translation>
    </message>
    <message>
        <source>โดย</source>
        <translation>By</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>เปลี่ยนสถานะเป็น "%1" แล้ว</source>
        <translation>Status changed to "%1"</translation>
    </message>
    <message>
        <source>ประเมินความต้องการ</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>แผนช่วยเหลือ</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>นิเทศติดตาม</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>การส่งต่อ</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>พิมพ์สรุปกรณีและแผน…</source>
        <translation>Print the case and plan…</translation>
    </message>
    <message>
        <source>สรุปกรณีพร้อมแผนช่วยเหลือ สำหรับลงนาม (Ctrl+P)</source>
        <translation>The case summary with its plan, for signatures (Ctrl+P)</translation>
    </message>
    <message>
        <source>สรุปกรณีเด็กนอกระบบและแผนช่วยเหลือ</source>
        <translation>Out-of-school case and assistance plan</translation>
    </message>
    <message>
        <source>สรุปกรณี-%1</source>
        <translation>case-%1</translation>
    </message>
    <message>
        <source>รับโอนจาก %1 (ส่งต่อเมื่อ %2) ประวัติเดิมอยู่ที่กรณีเลขที่ %3 (อ่านอย่างเดียว)</source>
        <translation>Received from %1 (transferred on %2); its earlier history is case no. %3 (read-only)</translation>
    </message>
    <message>
        <source>ส่งต่อให้ %1 เมื่อ %2 ผ่านจังหวัด</source>
        <translation>Transferred to %1 on %2 through the province</translation>
    </message>
    <message>
        <source>กรณีเดิมของ %1 ที่ส่งต่อมาเมื่อ %2 (อ่านอย่างเดียว) กรณีที่เปิดที่นี่: เลขที่ %3</source>
        <translation>The earlier case of %1, transferred here on %2 (read-only); the case opened here: no. %3</translation>
    </message>
    <message>
        <source>รอหัวหน้างานอนุมัติการปิดกรณี</source>
        <translation>Waiting for the supervisor to approve the closure</translation>
    </message>
    <message>
        <source>อนุมัติปิดกรณี</source>
        <translation>Approve the closure</translation>
    </message>
    <message>
        <source>ส่งกลับ (%1)</source>
        <translation>Send back (%1)</translation>
    </message>
    <message>
        <source>การตัดสินใจ</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>บันทึกการตัดสินใจ</source>
        <translation>Save the decision</translation>
    </message>
    <message>
        <source>ปิดหน้ากรณี</source>
        <translation>Close the case page</translation>
    </message>
    <message>
        <source>ข้อความที่พิมพ์ไว้ยังไม่ได้บันทึก ต้องการปิดและทิ้งข้อความนี้หรือไม่?</source>
        <translation>What you typed is not saved yet. Close and discard it?</translation>
    </message>
</context>
<context>
    <name>CaseImportDialog</name>
    <message>
        <source>เลือกแผ่นงานที่มีรายชื่อในช่อง &quot;แผ่นงาน&quot; ด้านบน</source>
        <translation>Choose the sheet that holds the list in &quot;Sheet&quot; above</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็กนอกระบบการศึกษา</source>
        <translation>Import a list of out-of-school children</translation>
    </message>
    <message>
        <source>ยังไม่ได้เลือกไฟล์</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>ตรวจสอบ</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>เลือกไฟล์รายชื่อ</source>
        <translation>Choose the list</translation>
    </message>
    <message>
        <source>ตารางข้อมูล (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;ทุกไฟล์ (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;All files (*)</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบรายชื่อ…</source>
        <translation>Checking the list…</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตรวจ %1 แถว: แก้ปัญหาของทั้งไฟล์ที่แจ้งไว้ด้านล่างก่อน</source>
        <translation>%1 rows not checked yet: first fix the file&apos;s problem shown below</translation>
    </message>
    <message>
        <source>แถว</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>เลือกเด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>(เลือก)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>เป็นเด็กใหม่</source>
        <translation>A new child</translation>
    </message>
    <message>
        <source>เลือกแล้ว กด "ตรวจสอบ" อีกครั้งก่อนนำเข้า</source>
        <translation>Chosen: press "Check" again before importing</translation>
    </message>
    <message>
        <source>กำลังนำเข้ารายชื่อ…</source>
        <translation>Importing the list…</translation>
    </message>
    <message>
        <source>นำเข้าแล้ว: เด็กในทะเบียน %1 คน เด็กใหม่ %2 คน</source>
        <translation>Imported: %1 registry children, %2 new children</translation>
    </message>
    <message>
        <source> · ไม่ได้นำเข้า %1 แถว</source>
        <translation> · %1 rows not imported</translation>
    </message>
    <message>
        <source>แถว %1: </source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <source>บางแถวจะไม่นำเข้า</source>
        <translation>Some rows will not be imported</translation>
    </message>
    <message>
        <source>แถวต่อไปนี้จะไม่นำเข้า: %1
ดูเหตุผลได้ในแท็บ "ผลการตรวจสอบ" แก้ในไฟล์หรือเลือกเด็กให้แถวที่ต้องตรวจสอบแล้วตรวจสอบใหม่ได้

นำเข้าเฉพาะ %2 แถวที่นำเข้าได้หรือไม่</source>
        <translation>These rows will not be imported: %1
The reasons are on the "Check results" tab; correct the file, or choose the child for the rows to look at, and check again.

Import only the %2 rows that can be imported?</translation>
    </message>
    <message>
        <source>%1 %2 แถว</source>
        <translation>%1: %2 rows</translation>
    </message>
    <message>
        <source>คอลัมน์ในไฟล์</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>ตัวอย่างข้อมูล</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>หัวคอลัมน์ในไฟล์</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>นำเข้าเป็น</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>ผลการตรวจสอบ</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>กำลังอ่าน %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>จับคู่แล้ว %1 จาก %2 คอลัมน์ คอลัมน์ที่ไม่รู้จักจะไม่นำเข้า เลือกว่าเป็นข้อมูลใดได้ในช่อง "นำเข้าเป็น"</source>
        <translation>%1 of %2 columns matched. Columns not recognised are not imported: choose what they hold under "Import as"</translation>
    </message>
    <message>
        <source>คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก โปรดเลือกว่าเป็นข้อมูลใด หรือเลือก 'ไม่นำเข้า'</source>
        <translation>Column %1 holds 13-digit national IDs: choose what it holds, or 'not imported'</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>เลขประจำตัว</source>
        <translation>National ID</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ตั้งแต่</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>หมู่</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>เลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>ติดตามครั้งถัดไป</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>เลยกำหนด %1 วัน</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุลของเด็ก</source>
        <translation>The child&apos;s name</translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน 13 หลัก</source>
        <translation>The 13-digit national ID</translation>
    </message>
    <message>
        <source>สถานะของกรณี</source>
        <translation>The case&apos;s status</translation>
    </message>
    <message>
        <source>วันที่เข้าสู่สถานะนี้</source>
        <translation>The date the case took this status</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่ผู้รับผิดชอบกรณี</source>
        <translation>The case&apos;s worker</translation>
    </message>
    <message>
        <source>หมู่ที่ของครัวเรือนเด็ก</source>
        <translation>The village number of the child&apos;s household</translation>
    </message>
    <message>
        <source>บ้านเลขที่ของครัวเรือนเด็ก</source>
        <translation>The house number of the child&apos;s household</translation>
    </message>
    <message>
        <source>นิเทศติดตามครั้งถัดไป: วันที่นัด หรือจำนวนวันที่เลยกำหนดแล้ว</source>
        <translation>Next follow-up: its date, or the days it is overdue</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ %1</source>
        <translation>Case worker %1</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>เด็กนอกระบบการศึกษา</source>
        <translation>Out-of-school children</translation>
    </message>
    <message>
        <source>เปิดกรณี</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>เปิดหน้ากรณีที่เลือก (Enter)</source>
        <translation>Open the selected case (Enter)</translation>
    </message>
    <message>
        <source>พิมพ์/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <source>พิมพ์รายชื่อตามตัวกรอง (Ctrl+P)</source>
        <translation>Print the list as filtered (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกรายชื่อตามตัวกรองเป็น Excel หรือ CSV</source>
        <translation>Export the list as filtered to Excel or CSV</translation>
    </message>
    <message>
        <source>ค้นหาชื่อ นามสกุล เลขประจำตัวประชาชน หรือรหัส G… (Ctrl+F)</source>
        <translation>Search a name, national ID or G-code… (Ctrl+F)</translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>ยังไม่ปิด</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>ชื่อหรือชื่อผู้ใช้ของเจ้าหน้าที่ผู้รับผิดชอบ</source>
        <translation>The case worker's name or user name</translation>
    </message>
    <message>
        <source>หมู่</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>หมู่ที่หรือชื่อหมู่บ้านของครัวเรือนเด็ก</source>
        <translation>The village number or name of the child's household</translation>
    </message>
    <message>
        <source>เลยกำหนดติดตามก่อน</source>
        <translation>Overdue follow-ups first</translation>
    </message>
    <message>
        <source>เรียงตามหมู่และบ้านเลขที่ (ออกติดตาม)</source>
        <translation>By village and house (a tracing trip)</translation>
    </message>
    <message>
        <source>เฉพาะของฉัน</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ %1</source>
        <translation>case worker %1</translation>
    </message>
    <message>
        <source>หมู่ %1</source>
        <translation>village %1</translation>
    </message>
    <message>
        <source>คำค้น "%1"</source>
        <translation>search "%1"</translation>
    </message>
    <message>
        <source>%1 กรณี</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>เลยกำหนดนิเทศติดตาม %1 กรณี</source>
        <translation>%1 follow-ups overdue</translation>
    </message>
    <message>
        <source>รายชื่อกรณีเด็กนอกระบบ</source>
        <translation>Out-of-school cases</translation>
    </message>
    <message>
        <source>รายชื่อกรณี</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>สรุป</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อ…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็กนอกระบบจากจังหวัดหรืออาสาสมัคร (Excel หรือ CSV)</source>
        <translation>Import a list of out-of-school children from the province or a volunteer (Excel or CSV)</translation>
    </message>
</context>
<context>
    <name>CentreView</name>
    <message>
        <source>พัฒนาการของเด็กที่เลือก…</source>
        <translation>Development of the selected child…</translation>
    </message>
    <message>
        <source>น้ำหนัก ส่วนสูง กราฟ และการประเมิน DSPM ของเด็กที่เลือกในตาราง</source>
        <translation>Weight, height, chart and DSPM checks of the child selected in the table</translation>
    </message>
    <message>
        <source>ห้องเรียนและการมาเรียนประจำวัน</source>
        <translation>Rooms and daily attendance</translation>
    </message>
    <message>
        <source>ศูนย์:</source>
        <translation>Centre:</translation>
    </message>
    <message>
        <source>◀ วันก่อน</source>
        <translation>◀ Previous day</translation>
    </message>
    <message>
        <source>พิมพ์วันที่ (พ.ศ.) แล้วกด Enter</source>
        <translation>Type a date (Buddhist Era) and press Enter</translation>
    </message>
    <message>
        <source>วันถัดไป ▶</source>
        <translation>Next day ▶</translation>
    </message>
    <message>
        <source>วันนี้</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>พิมพ์เลขที่ของเด็กแล้วกด ป (ป่วย) ล (ลา) หรือ ข (ขาด) · เว้นวรรค = มา · Ctrl+S บันทึก</source>
        <translation>Type the child's number, then S (sick), L (leave) or A (absent) · Space = present · Ctrl+S saves</translation>
    </message>
    <message>
        <source>บันทึกการมาเรียน (Ctrl+S)</source>
        <translation>Save attendance (Ctrl+S)</translation>
    </message>
    <message>
        <source>เหตุที่ศูนย์ปิด เช่น วันหยุดราชการ</source>
        <translation>Why the centre is closed, e.g. a public holiday</translation>
    </message>
    <message>
        <source>ศูนย์ปิดวันนี้</source>
        <translation>Centre closed this day</translation>
    </message>
    <message>
        <source>ยกเลิกวันปิด</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <source>ชื่อห้องใหม่</source>
        <translation>New room's name</translation>
    </message>
    <message>
        <source>เพิ่มห้อง</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>จัดเด็กที่ยังไม่มีห้องเข้าห้องนี้</source>
        <translation>Place children without a room here</translation>
    </message>
    <message>
        <source>ย้ายเด็กที่เลือกไปห้อง</source>
        <translation>Move the selected child to room</translation>
    </message>
    <message>
        <source>พิมพ์บัญชีลงเวลาประจำเดือน…</source>
        <translation>Print the month's attendance sheet…</translation>
    </message>
    <message>
        <source>รายงานค่าอาหารประจำเดือน…</source>
        <translation>The month's meal report…</translation>
    </message>
    <message>
        <source>ยังไม่มีศูนย์พัฒนาเด็กเล็กที่ท่านดูแล: เพิ่มศูนย์ในหน้าสถานศึกษา</source>
        <translation>No child development centre of yours yet: add one on the institutions page</translation>
    </message>
    <message>
        <source>%1 (%2 คน)</source>
        <translation>%1 (%2 children)</translation>
    </message>
    <message>
        <source>ศูนย์นี้ยังไม่มีห้องในปีการศึกษา %1: พิมพ์ชื่อห้องด้านล่างแล้วกดเพิ่มห้อง</source>
        <translation>This centre has no room in academic year %1: type a room's name below and press Add room</translation>
    </message>
    <message>
        <source>%1: ศูนย์ปิด (%2)</source>
        <translation>%1: centre closed (%2)</translation>
    </message>
    <message>
        <source>%1: ยังไม่ได้บันทึกการแก้ไข (Ctrl+S)</source>
        <translation>%1: changes not saved yet (Ctrl+S)</translation>
    </message>
    <message>
        <source>%1: บันทึกแล้วโดย %2</source>
        <translation>%1: saved by %2</translation>
    </message>
    <message>
        <source>%1: ยังไม่ได้บันทึก ทุกคนถือว่ามาเรียนจนกว่าจะทำเครื่องหมาย</source>
        <translation>%1: not taken yet; everyone is present until marked</translation>
    </message>
    <message>
        <source>มา %1 คน</source>
        <translation>%1 present</translation>
    </message>
    <message>
        <source>ยังไม่ได้บันทึกการมาเรียนของวันนี้ บันทึกก่อนหรือไม่</source>
        <translation>This day's attendance is not saved. Save it first?</translation>
    </message>
    <message>
        <source> (บันทึกย้อนหลัง %1 วัน)</source>
        <translation> (back-dated %1 days)</translation>
    </message>
    <message>
        <source>บันทึกการมาเรียน %1 ห้อง %2 แล้ว: มา %3 ไม่มา %4%5</source>
        <translation>Saved attendance of %1, room %2: %3 present, %4 absent%5</translation>
    </message>
    <message>
        <source>จัดเด็ก %1 คนเข้าห้องแล้ว</source>
        <translation>Placed %1 children in the room</translation>
    </message>
    <message>
        <source>บัญชีลงเวลามาเรียน ห้อง %1</source>
        <translation>Attendance sheet, room %1</translation>
    </message>
    <message>
        <source>รายงานค่าอาหารกลางวันและอาหารเสริม (นม)</source>
        <translation>Lunch and milk report</translation>
    </message>
    <message>
        <source>อัตราค่าอาหาร…</source>
        <translation>Meal rates…</translation>
    </message>
    <message>
        <source>เดือนนี้ทั้งห้อง: มาเรียน %1 · ยังไม่ได้บันทึก %2 วัน-คน</source>
        <translation>This month, the whole room: %1 present · %2 child-days not recorded</translation>
    </message>
    <message>
        <source>จัดเด็กที่ยังไม่มีห้องเข้าห้อง</source>
        <translation>Place children without a room</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <source>รับรองข้อมูลการคัดกรอง</source>
        <translation>Certify the screening</translation>
    </message>
    <message>
        <source>รับรองว่าข้อมูลการคัดกรองของ %1 ถูกต้องตามที่ตรวจสอบแล้ว หากมีการแก้ไขข้อมูลภายหลัง การรับรองนี้จะถูกยกเลิก</source>
        <translation>Certify that the screening data of %1 are correct as checked. If the data are edited later, this certification is voided.</translation>
    </message>
    <message>
        <source>ชื่อผู้รับรอง</source>
        <translation>Certifier&apos;s name</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>รับรอง</source>
        <translation>Certify</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>ข้อมูลเด็ก</source>
        <translation>Child details</translation>
    </message>
    <message>
        <source>คำนำหน้า *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>ชื่อ *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <source>นามสกุล *</source>
        <translation>Surname *</translation>
    </message>
    <message>
        <source>ชื่อ (อังกฤษ)</source>
        <translation>First name (English)</translation>
    </message>
    <message>
        <source>ไม่บังคับ</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>นามสกุล (อังกฤษ)</source>
        <translation>Surname (English)</translation>
    </message>
    <message>
        <source>เพศ *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <source>วันเกิด (พ.ศ.) *</source>
        <translation>Date of birth (B.E.) *</translation>
    </message>
    <message>
        <source>วว/ดด/ปปปป เช่น 15/08/2562</source>
        <translation>dd/mm/yyyy, e.g. 15/08/2562</translation>
    </message>
    <message>
        <source>ประเภทเลขประจำตัว *</source>
        <translation>ID type *</translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน</source>
        <translation>National ID</translation>
    </message>
    <message>
        <source>13 หลัก เช่น 1-1037-02071-83-9</source>
        <translation>13 digits, e.g. 1-1037-02071-83-9</translation>
    </message>
    <message>
        <source>รหัส G</source>
        <translation>G-code</translation>
    </message>
    <message>
        <source>G ตามด้วยตัวเลข 12 หลัก</source>
        <translation>G followed by 12 digits</translation>
    </message>
    <message>
        <source>เหตุที่ไม่มีเลข</source>
        <translation>Reason for no ID</translation>
    </message>
    <message>
        <source>เช่น ยังไม่ได้แจ้งเกิด</source>
        <translation>e.g. birth not yet registered</translation>
    </message>
    <message>
        <source>สัญชาติ</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>ความพิการ</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>ถ้ามี</source>
        <translation>If any</translation>
    </message>
    <message>
        <source>ที่อยู่ (ครัวเรือน)</source>
        <translation>Address (household)</translation>
    </message>
    <message>
        <source>บ้านเลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>หมู่บ้าน</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>ซอย</source>
        <translation>Soi</translation>
    </message>
    <message>
        <source>ถนน</source>
        <translation>Road</translation>
    </message>
    <message>
        <source>ตำบล/แขวง</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>อำเภอ/เขต</source>
        <translation>District</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>รหัสไปรษณีย์</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>เลือกครัวเรือนที่มีอยู่…</source>
        <translation>Choose an existing household…</translation>
    </message>
    <message>
        <source>ค้นหาครัวเรือนจากบ้านเลขที่ หมู่ที่ หรือชื่อสมาชิก แล้วใช้ที่อยู่นั้น แทนการพิมพ์ที่อยู่ซ้ำ</source>
        <translation>Find a household by house number, village or a member&apos;s name and use its address instead of typing it again</translation>
    </message>
    <message>
        <source>แยกเป็นครัวเรือนใหม่</source>
        <translation>Move to a new household</translation>
    </message>
    <message>
        <source>เด็กย้ายไปอยู่บ้านอื่น: บันทึกที่อยู่ที่กรอกเป็นครัวเรือนของเด็กเอง โดยไม่เปลี่ยนที่อยู่ของสมาชิกคนอื่น</source>
        <translation>The child moved to another house: save the typed address as the child&apos;s own household, without changing the other members&apos; address</translation>
    </message>
    <message>
        <source>การศึกษา</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>ปีการศึกษา</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>เพิ่มผู้ปกครอง</source>
        <translation>Add guardian</translation>
    </message>
    <message>
        <source>ลบผู้ปกครองที่เลือก</source>
        <translation>Remove selected guardian</translation>
    </message>
</context>
<context>
    <name>ChildFormDialog</name>
    <message>
        <source>ข้อมูลเด็ก: %1</source>
        <translation>Child: %1</translation>
    </message>
    <message>
        <source>เพิ่มเด็กคนใหม่</source>
        <translation>New child</translation>
    </message>
    <message>
        <source>ความเกี่ยวข้อง</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>คำนำหน้า</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน</source>
        <translation>National ID</translation>
    </message>
    <message>
        <source>พิมพ์ประวัติ…</source>
        <translation>Print profile…</translation>
    </message>
    <message>
        <source>พิมพ์ข้อมูลเด็กคนนี้ตามที่บันทึกไว้แล้ว (Ctrl+P)</source>
        <translation>Print this child&apos;s record as saved (Ctrl+P)</translation>
    </message>
    <message>
        <source>ประวัติเด็ก</source>
        <translation>Child profile</translation>
    </message>
    <message>
        <source>ประวัติ-%1-%2</source>
        <translation>profile-%1-%2</translation>
    </message>
    <message>
        <source>ชาย</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>หญิง</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>รหัส G</source>
        <translation>G-code</translation>
    </message>
    <message>
        <source>ไม่มีเลขประจำตัว</source>
        <translation>No ID number</translation>
    </message>
    <message>
        <source>กำลังเรียน</source>
        <translation>Studying</translation>
    </message>
    <message>
        <source>ย้ายออก</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>จบการศึกษา</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>ออกกลางคัน</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>อาชีพ</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ยกเลิกการแก้ไข</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>ข้อมูลที่กรอกหรือแก้ไขไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?</source>
        <translation>What you typed or changed is not saved yet. Throw these changes away?</translation>
    </message>
    <message>
        <source>%1 (ลบแล้ว)</source>
        <translation>%1 (deleted)</translation>
    </message>
    <message>
        <source>สถานศึกษานี้ถูกลบแล้ว กู้คืนได้ที่หน้า สถานศึกษา (ติ๊ก แสดงที่ลบแล้ว)</source>
        <translation>This institution was deleted; restore it on the Institutions page (tick Show deleted)</translation>
    </message>
    <message>
        <source>วันเกิดอยู่ในอนาคต โปรดตรวจสอบปี พ.ศ.</source>
        <translation>The date of birth is in the future. Please check the B.E. year.</translation>
    </message>
    <message>
        <source>อายุ</source>
        <translation>age</translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ โปรดแก้ %1 รายการที่ทำเครื่องหมายสีแดง</source>
        <translation>Not saved yet. Please fix the %1 item(s) marked in red.</translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ โปรดแก้รายการต่อไปนี้</source>
        <translation>Not saved yet: please fix the following</translation>
    </message>
    <message>
        <source>ถ้าเป็นคนละคน กด บันทึก อีกครั้งเพื่อยืนยัน</source>
        <translation>If this is a different person, click Save again to confirm.</translation>
    </message>
</context>
<context>
    <name>ChildHistoryDialog</name>
    <message>
        <source>ประวัติการแก้ไขและการเปิดดู: %1</source>
        <translation>History of changes and views: %1</translation>
    </message>
    <message>
        <source>ประวัติการแก้ไขและการเปิดดู</source>
        <translation>History of changes and views</translation>
    </message>
    <message>
        <source>ค้นหา: ผู้ใช้ รายการ หรือข้อความในรายละเอียด</source>
        <translation>Search: user, action or text in the details</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์ประวัตินี้ (ตามคำค้นหาที่ใส่ไว้) Ctrl+P</source>
        <translation>Print this history (as the search filters it) Ctrl+P</translation>
    </message>
    <message>
        <source>ประวัติการแก้ไข-%1</source>
        <translation>history-%1</translation>
    </message>
    <message>
        <source>%1 รายการ</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>ประวัติ…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>ใครแก้ไขหรือเปิดดูข้อมูลเด็กคนนี้ เมื่อใด</source>
        <translation>Who changed or opened this child&apos;s record, and when</translation>
    </message>
</context>
<context>
    <name>ChildHousehold</name>
    <message>
        <source>ใช้ครัวเรือนที่มีอยู่ (สมาชิก: %1) การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน</source>
        <translation>Using an existing household (members: %1). Editing the address changes it for everyone in the household</translation>
    </message>
    <message>
        <source>ครัวเรือนนี้มีสมาชิก %1 คน การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน</source>
        <translation>This household has %1 members. Editing the address changes it for everyone in the household</translation>
    </message>
    <message>
        <source>กรอกที่อยู่ใหม่ของเด็ก เมื่อบันทึกจะเป็นครัวเรือนใหม่ ที่อยู่ของสมาชิกคนอื่นไม่เปลี่ยน</source>
        <translation>Type the child&apos;s new address; on saving it becomes a new household. The other members&apos; address does not change</translation>
    </message>
    <message>
        <source>ที่อยู่นี้ตรงกับครัวเรือนที่มีอยู่แล้ว (สมาชิก: %1) เมื่อบันทึก เด็กจะอยู่ในครัวเรือนเดียวกัน ไม่สร้างครัวเรือนซ้ำ</source>
        <translation>This address is that of an existing household (members: %1). On saving, the child joins that household; no duplicate is created</translation>
    </message>
    <message>
        <source>ที่อยู่นี้ตรงกับอีกครัวเรือนหนึ่ง (สมาชิก: %1) ถ้าเด็กย้ายไปอยู่บ้านนั้น กด เลือกครัวเรือนที่มีอยู่… ถ้าเป็นบ้านเดียวกัน รวมสองครัวเรือนได้ที่หน้า ครัวเรือน</source>
        <translation>This address is that of another household (members: %1). If the child moved there, press Choose an existing household…; if it is the same house, merge the two households on the Households page</translation>
    </message>
</context>
<context>
    <name>ChildPageDialog</name>
    <message>
        <source>ภาพรวมเด็ก</source>
        <translation>Child overview</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์หรือบันทึกหน้านี้เป็น PDF (Ctrl+P)</source>
        <translation>Print this page or save it as a PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>ภาพรวมเด็ก: %1</source>
        <translation>Child overview: %1</translation>
    </message>
    <message>
        <source>ระเบียนนี้อยู่ในถังขยะ (ลบแล้ว)</source>
        <translation>This record is in the bin (deleted)</translation>
    </message>
    <message>
        <source>ภาพรวมข้อมูลเด็กรายบุคคล</source>
        <translation>A child across every module</translation>
    </message>
    <message>
        <source>ภาพรวม-%1</source>
        <translation>overview-%1</translation>
    </message>
    <message>
        <source>เปิดกรณีเด็กนอกระบบ…</source>
        <translation>Open an out-of-school case…</translation>
    </message>
    <message>
        <source>หน้ากรณีเด็กนอกระบบ…</source>
        <translation>Out-of-school case…</translation>
    </message>
    <message>
        <source>ดูและบันทึกการติดตาม แผนช่วยเหลือ การส่งต่อของกรณีนี้</source>
        <translation>See and record this case's tracing, plan and referrals</translation>
    </message>
    <message>
        <source>เปิดกรณีใหม่ให้เด็กคนนี้ (เด็กออกจากระบบการศึกษา)</source>
        <translation>Open a new case for this child (out of education)</translation>
    </message>
</context>
<context>
    <name>ChildrenTableModel</name>
    <message>
        <source>เลขประจำตัว</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>เพศ</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation>Date of birth (BE)</translation>
    </message>
    <message>
        <source>อายุ</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>ชาย</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>หญิง</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>(ไม่มีเลข)</source>
        <translation>(no ID)</translation>
    </message>
</context>
<context>
    <name>ChildrenView</name>
    <message>
        <source>เทศบาล/อปท. ที่ส่งข้อมูลเด็กมา</source>
        <translation>The municipality (local government) that sent the child's record</translation>
    </message>
    <message>
        <source>ทุกเทศบาล/อปท.</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>แสดงเด็กทุกคน (ล้างสถานศึกษา ปีการศึกษา ชั้น และคำค้น)</source>
        <translation>Show every child (clear the school, year, class and search)</translation>
    </message>
    <message>
        <source>รายชื่อเด็กตามตัวกรอง…</source>
        <translation>Children list (current filter)…</translation>
    </message>
    <message>
        <source>ประวัติเด็กที่เลือก…</source>
        <translation>Profile of the selected child…</translation>
    </message>
    <message>
        <source>ทุกสถานศึกษา</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>ทุกปีการศึกษา</source>
        <translation>All academic years</translation>
    </message>
    <message>
        <source>ปีการศึกษา %1</source>
        <translation>Academic year %1</translation>
    </message>
    <message>
        <source>ทุกชั้น</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>กู้คืน</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>ที่ลบแล้ว %1 คน</source>
        <translation>%1 deleted</translation>
    </message>
    <message>
        <source>พบ %1 คน</source>
        <translation>%1 children</translation>
    </message>
    <message>
        <source>พบอย่างน้อย %1 คน กำลังนับทั้งหมด…</source>
        <translation>At least %1 found, counting all…</translation>
    </message>
    <message>
        <source>กำลังค้นหา… (คำค้นสั้นกว่า 3 ตัวอักษรต้องอ่านทุกแถว)</source>
        <translation>Searching… (searches shorter than 3 characters scan every row)</translation>
    </message>
    <message>
        <source>คำค้น &quot;%1&quot;</source>
        <translation>search &quot;%1&quot;</translation>
    </message>
    <message>
        <source>เฉพาะที่ลบแล้ว</source>
        <translation>deleted only</translation>
    </message>
    <message>
        <source>เด็กทุกคน</source>
        <translation>all children</translation>
    </message>
    <message>
        <source>%1 — %2 คน</source>
        <translation>%1 — %2 children</translation>
    </message>
    <message>
        <source>เลือกเด็กในรายชื่อก่อน แล้วจึงพิมพ์ประวัติ</source>
        <translation>Select a child in the list first, then print the profile</translation>
    </message>
    <message>
        <source>ประวัติเด็ก</source>
        <translation>Child profile</translation>
    </message>
    <message>
        <source>ประวัติ-%1-%2</source>
        <translation>profile-%1-%2</translation>
    </message>
    <message>
        <source>ยกเลิกการนำเข้าแล้ว</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <source>กำลังยกเลิกการนำเข้า…</source>
        <translation>Undoing the import…</translation>
    </message>
    <message>
        <source>กู้คืน %1 แล้ว</source>
        <translation>Restored %1</translation>
    </message>
    <message>
        <source>ยืนยันการลบ</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <source>ลบ %1 ออกจากรายชื่อใช่หรือไม่?
ข้อมูลยังเก็บไว้และกู้คืนได้ (เลิกทำ หรือ แสดงที่ลบแล้ว)</source>
        <translation>Remove %1 from the list?
The record is kept and can be restored (Undo, or Show deleted).</translation>
    </message>
    <message>
        <source>ลบ %1 แล้ว</source>
        <translation>Deleted %1</translation>
    </message>
    <message>
        <source>รายชื่อเด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>เพิ่มเด็ก</source>
        <translation>Add child</translation>
    </message>
    <message>
        <source>เพิ่มเด็กคนใหม่ (Ctrl+N)</source>
        <translation>Add a new child (Ctrl+N)</translation>
    </message>
    <message>
        <source>เปิด/แก้ไข</source>
        <translation>Open/Edit</translation>
    </message>
    <message>
        <source>เปิดข้อมูลเด็กที่เลือก (Enter)</source>
        <translation>Open the selected child (Enter)</translation>
    </message>
    <message>
        <source>ลบเด็กที่เลือก (Delete) กู้คืนได้ภายหลัง</source>
        <translation>Delete the selected child (Delete). It can be restored later.</translation>
    </message>
    <message>
        <source>นำเข้า…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็กจากไฟล์ Excel หรือ CSV</source>
        <translation>Import children from an Excel or CSV file</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกรายชื่อตามตัวกรองเป็น Excel หรือ CSV</source>
        <translation>Export the filtered list to Excel or CSV</translation>
    </message>
    <message>
        <source>พิมพ์/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <source>พิมพ์รายชื่อตามตัวกรอง หรือประวัติเด็กที่เลือก (Ctrl+P)</source>
        <translation>Print the filtered list or the selected child&apos;s profile (Ctrl+P)</translation>
    </message>
    <message>
        <source>ค้นหาชื่อ นามสกุล เลขประจำตัวประชาชน หรือรหัส G… (Ctrl+F)</source>
        <translation>Search name, surname, national ID or G-code… (Ctrl+F)</translation>
    </message>
    <message>
        <source>กรองตามสถานศึกษา</source>
        <translation>Filter by institution</translation>
    </message>
    <message>
        <source>กรองตามปีการศึกษา</source>
        <translation>Filter by academic year</translation>
    </message>
    <message>
        <source>กรองตามชั้นเรียน</source>
        <translation>Filter by level</translation>
    </message>
    <message>
        <source>แสดงที่ลบแล้ว</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>แสดงเด็กที่ลบไปแล้ว เพื่อกู้คืน</source>
        <translation>Show deleted children so they can be restored</translation>
    </message>
    <message>
        <source>ภาพรวม…</source>
        <translation>Overview…</translation>
    </message>
    <message>
        <source>ข้อมูลทุกด้านของเด็กที่เลือก: ทะเบียน คัดกรองและทุน ศพด. การเจริญเติบโตและพัฒนาการ เด็กนอกระบบ (Ctrl+Enter)</source>
        <translation>Everything about the selected child: registry, screening and grants, centre, growth and development, out-of-school case (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>(ไม่มีหัวคอลัมน์)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>— โปรดเลือก: มีเลขประจำตัวประชาชน —</source>
        <translation>— Please choose: holds national IDs —</translation>
    </message>
    <message>
        <source>— ไม่นำเข้า —</source>
        <translation>— not imported —</translation>
    </message>
</context>
<context>
    <name>DamageText</name>
    <message>
        <source>ไฟล์ฐานข้อมูลเสียหาย จึงยังไม่ได้บันทึกอะไรลงไป

%1</source>
        <translation>The database file is damaged, so nothing has been saved into it

%1</translation>
    </message>
    <message>
        <source>ไฟล์สำรองล่าสุดที่ตรวจแล้วว่าใช้ได้: %1 (%2)
กู้คืนจากไฟล์นี้ได้เลย ไฟล์ที่เสียจะถูกเก็บสำเนาไว้ในโฟลเดอร์ backups</source>
        <translation>The newest backup verified as good: %1 (%2)
You can restore it now; a copy of the damaged file is kept in the backups folder</translation>
    </message>
    <message>
        <source>กู้คืนจากไฟล์สำรองนี้</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>ไม่พบไฟล์สำรองที่ใช้ได้ในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล โปรดกู้คืนจากสำเนาที่เก็บไว้ (เมนู แฟ้ม › กู้คืนจากไฟล์สำรอง…)</source>
        <translation>No good backup in the backups folder beside the database. Please restore from a copy you kept (File › Restore from a backup…)</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>สร้างรายงาน %1 แล้ว %2 หน้า</source>
        <translation>Report %1 made: %2 pages</translation>
    </message>
    <message>
        <source>ยกเลิกการสร้างรายงานแล้ว</source>
        <translation>Report cancelled</translation>
    </message>
    <message>
        <source>กำลังสร้างรายงาน %1…</source>
        <translation>Making report %1…</translation>
    </message>
    <message>
        <source>สมุดงาน Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV แบบ UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>ส่งออก %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <source>ส่งออก %1 แล้ว %2 แถว ไปที่ %3</source>
        <translation>Exported %1: %2 rows to %3</translation>
    </message>
    <message>
        <source>ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ใดถูกเขียน</source>
        <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
        <source>กำลังส่งออก %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <source>ทำ %1 ไม่สำเร็จ

%2</source>
        <translation>Could not make %1

%2</translation>
    </message>
</context>
<context>
    <name>EligibleTab</name>
    <message>
        <source>ทุกคน</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>มีสิทธิ์</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>รอ (ยังไม่ผ่านเงื่อนไข)</source>
        <translation>Held (conditions not met yet)</translation>
    </message>
    <message>
        <source>ไม่มีสิทธิ์</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>ค้นหาชื่อเด็ก สถานศึกษา หรือเหตุผล (Ctrl+F)</source>
        <translation>Search child, school or reason (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดง</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>แสดงทุกคนในรอบนี้</source>
        <translation>Show everyone in this round</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>School</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>ผลคัดกรอง</source>
        <translation>Screening result</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>จำนวนเงิน</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>จ่ายแล้ว</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>รอ</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>บันทึกการจ่ายเงินให้ที่เลือก…</source>
        <translation>Record a payment to the selected…</translation>
    </message>
    <message>
        <source>เลือกผู้มีสิทธิ์ที่ยังจ่ายไม่ครบ</source>
        <translation>Select the eligible not paid in full</translation>
    </message>
    <message>
        <source>แสดง %1 จาก %2 คน · มีสิทธิ์ %3 คน รวม %4 บาท · รอ %5 คน · ไม่มีสิทธิ์ %6 คน</source>
        <translation>Showing %1 of %2 · eligible %3 (%4 baht) · held %5 · not eligible %6</translation>
    </message>
    <message>
        <source>ไม่มีผู้มีสิทธิ์ที่ยังจ่ายไม่ครบในรายการที่แสดง</source>
        <translation>No eligible child shown is still owed money</translation>
    </message>
    <message>
        <source>บันทึกการจ่ายเงินแล้ว %1 คน รวม %2 บาท</source>
        <translation>Payment recorded for %1 children, %2 baht in all</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>ส่งข้อมูลให้จังหวัด…</source>
        <translation>Send data to the province…</translation>
    </message>
    <message>
        <source>นำเข้าใบตอบรับจากจังหวัด…</source>
        <translation>Import a receipt from the province…</translation>
    </message>
    <message>
        <source>รับชุดข้อมูลจาก อปท. (ตรวจและนำเข้า)…</source>
        <translation>Receive a bundle from a municipality (verify and import)…</translation>
    </message>
    <message>
        <source>%1 ต้องทำโดยผู้ใช้ที่มีบทบาท %2 ผู้ใช้ %3 ไม่มีบทบาทนี้

ให้ผู้ใช้ที่มีบทบาทนี้เข้าสู่ระบบ (เมนู แฟ้ม › สลับผู้ใช้…) หรือให้ผู้ดูแลระบบเพิ่มบทบาทนี้ให้ที่ ตั้งค่า › ผู้ใช้</source>
        <translation>%1 must be done by a user with the role %2; user %3 does not have it.

Sign in as a user who has this role (File › Switch user…), or ask an administrator to add the role in Settings › Users.</translation>
    </message>
    <message>
        <source>สลับผู้ใช้…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>การส่งข้อมูลให้จังหวัด</source>
        <translation>Sending data to the province</translation>
    </message>
    <message>
        <source>เขียนชุดข้อมูลถึงจังหวัดแล้ว: %1</source>
        <translation>Bundle for the province written: %1</translation>
    </message>
    <message>
        <source>การนำเข้าชุดข้อมูลจาก อปท.</source>
        <translation>Importing a bundle from a municipality</translation>
    </message>
    <message>
        <source>นำเข้าชุดข้อมูลจาก อปท. แล้ว</source>
        <translation>Bundle from the municipality imported</translation>
    </message>
    <message>
        <source>การนำเข้าใบตอบรับจากจังหวัด</source>
        <translation>Importing a receipt from the province</translation>
    </message>
</context>
<context>
    <name>ExchangeText</name>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>ความสัมพันธ์เด็ก-ผู้ปกครอง</source>
        <translation>Child–guardian links</translation>
    </message>
    <message>
        <source>การลงทะเบียนเรียน</source>
        <translation>Enrolments</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>ปีการศึกษา</source>
        <translation>Academic years</translation>
    </message>
    <message>
        <source>รายการที่ลบถาวร</source>
        <translation>Permanently deleted records</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>added</translation>
    </message>
    <message>
        <source>ปรับปรุง</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>ไม่เปลี่ยน</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>ไม่พบ</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>เป็นของหน่วยงานอื่น</source>
        <translation>belong to another office</translation>
    </message>
    <message>
        <source>อ้างถึงรายการที่ไม่มี</source>
        <translation>refer to missing records</translation>
    </message>
    <message>
        <source>เก่ากว่าที่มีอยู่</source>
        <translation>older than the records here</translation>
    </message>
    <message>
        <source>ไม่รับไฟล์นี้ [%1]
%2</source>
        <translation>This file is refused [%1]
%2</translation>
    </message>
    <message>
        <source>ที่ว่างใน %1 ไม่พอ จึงไม่ได้เขียนไฟล์ และข้อมูลในฐานข้อมูลไม่เปลี่ยน ลบไฟล์ที่ไม่ใช้ออกจากแฟลชไดรฟ์ หรือเลือกที่อื่น แล้วลองใหม่</source>
        <translation>There is not enough space on %1, so no file was written and the database is unchanged. Delete files you do not need from the USB stick, or choose another place, and try again.</translation>
    </message>
    <message>
        <source>เขียนหรืออ่านไฟล์ %1 ไม่สำเร็จ (แฟลชไดรฟ์อาจถูกดึงออก เต็ม หรือป้องกันการเขียน) ไม่มีไฟล์ครึ่ง ๆ กลาง ๆ เหลืออยู่ และข้อมูลในฐานข้อมูลไม่เปลี่ยน เสียบแฟลชไดรฟ์ให้แน่นแล้วลองใหม่
(%2)</source>
        <translation>Could not write or read the file %1 (the USB stick may have been pulled out, be full or be write-protected). No half-written file is left and the database is unchanged. Plug the USB stick in firmly and try again.
(%2)</translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลในฐานข้อมูลไม่เปลี่ยน โปรดแจ้งผู้ดูแลระบบ
(%1)</source>
        <translation>An unexpected error occurred. The database is unchanged. Please tell your administrator.
(%1)</translation>
    </message>
    <message>
        <source>ภาคเรียน</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>แบบคัดกรอง</source>
        <translation>Screenings</translation>
    </message>
    <message>
        <source>สมาชิกครัวเรือนในแบบคัดกรอง</source>
        <translation>Screened household members</translation>
    </message>
    <message>
        <source>การรับรองแบบคัดกรอง</source>
        <translation>Certifications</translation>
    </message>
    <message>
        <source>รูปถ่ายแบบคัดกรอง (เฉพาะรหัสตรวจสอบ)</source>
        <translation>Screening photos (hash only)</translation>
    </message>
    <message>
        <source>รอบทุน</source>
        <translation>Grant rounds</translation>
    </message>
    <message>
        <source>การมาเรียนรายภาคเรียน</source>
        <translation>Term attendance</translation>
    </message>
    <message>
        <source>การจ่ายเงินทุน</source>
        <translation>Grant payments</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>ส่งข้อมูลให้จังหวัด</source>
        <translation>Send data to the province</translation>
    </message>
    <message>
        <source>เฉพาะที่เปลี่ยนตั้งแต่ใบตอบรับล่าสุด</source>
        <translation>Only what changed since the last receipt</translation>
    </message>
    <message>
        <source>ข้อมูลทั้งหมด</source>
        <translation>All data</translation>
    </message>
    <message>
        <source>เฉพาะสถานศึกษาที่เลือก (ไม่เลือกเลย = ทุกสถานศึกษา):</source>
        <translation>Only the chosen institutions (none chosen = all institutions):</translation>
    </message>
    <message>
        <source>สิ่งที่จะส่ง (จำนวนรายการ):</source>
        <translation>What will be sent (records):</translation>
    </message>
    <message>
        <source>ค้นหาแฟลชไดรฟ์อีกครั้ง</source>
        <translation>Look for USB sticks again</translation>
    </message>
    <message>
        <source>เลือกโฟลเดอร์…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>บันทึกลงใน</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>ชื่อไฟล์</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>ส่งออก</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>เปิดโฟลเดอร์</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>กำลังนับข้อมูลที่จะส่ง…</source>
        <translation>Counting what will be sent…</translation>
    </message>
    <message>
        <source>ยังส่งข้อมูลให้จังหวัดไม่ได้</source>
        <translation>Data cannot be sent to the province yet</translation>
    </message>
    <message>
        <source>ชุดข้อมูลลำดับที่ %1 ถึง %2 (%3)</source>
        <translation>Bundle number %1 to %2 (%3)</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ถูกกู้คืนจากไฟล์สำรอง: ชุดนี้ส่งข้อมูลทั้งหมด ต่อจากใบตอบรับล่าสุด และแจ้งจังหวัดว่ากู้คืนแล้ว</source>
        <translation>This database was restored from a backup: this bundle sends all data, continues from the last receipt and tells the province about the restore.</translation>
    </message>
    <message>
        <source>รวม %1 รายการ</source>
        <translation>%1 records in all</translation>
    </message>
    <message>
        <source>ส่งจังหวัด-%1-ชุดที่%2-%3.samoe</source>
        <translation>to-province-%1-bundle%2-%3.samoe</translation>
    </message>
    <message>
        <source>แฟลชไดรฟ์ %1 (%2) ว่าง %3</source>
        <translation>USB stick %1 (%2), %3 free</translation>
    </message>
    <message>
        <source>โฟลเดอร์ %1</source>
        <translation>Folder %1</translation>
    </message>
    <message>
        <source>ไม่พบแฟลชไดรฟ์ เสียบแฟลชไดรฟ์แล้วกด ค้นหาแฟลชไดรฟ์อีกครั้ง หรือเลือกโฟลเดอร์อื่น</source>
        <translation>No USB stick found. Plug one in and press Look for USB sticks again, or choose another folder.</translation>
    </message>
    <message>
        <source>เลือกโฟลเดอร์ที่จะบันทึกชุดข้อมูล</source>
        <translation>Choose the folder to save the bundle in</translation>
    </message>
    <message>
        <source>รอให้นับข้อมูลที่จะส่งเสร็จก่อน</source>
        <translation>Wait until the count of what will be sent is done.</translation>
    </message>
    <message>
        <source>เลือกที่บันทึกและใส่ชื่อไฟล์ก่อน</source>
        <translation>Choose where to save and type a file name first.</translation>
    </message>
    <message>
        <source>ไม่พบโฟลเดอร์ %1 (แฟลชไดรฟ์อาจถูกดึงออก) เสียบแฟลชไดรฟ์แล้วกด ค้นหาแฟลชไดรฟ์อีกครั้ง</source>
        <translation>Folder %1 not found (the USB stick may have been pulled out). Plug the USB stick in and press Look for USB sticks again.</translation>
    </message>
    <message>
        <source>มีไฟล์ %1 อยู่แล้ว เปลี่ยนชื่อไฟล์หรือเลือกที่อื่น</source>
        <translation>The file %1 already exists. Change the file name or choose another place.</translation>
    </message>
    <message>
        <source>ใส่รหัสผ่านของคุณเพื่อเปิดกุญแจของหน่วยงาน (ใช้ลงนามชุดข้อมูล)</source>
        <translation>Type your password to open the office&apos;s keys (they sign the bundle).</translation>
    </message>
    <message>
        <source>กำลังเขียนชุดข้อมูลถึงจังหวัด…</source>
        <translation>Writing the bundle for the province…</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เขียนชุดข้อมูลลำดับที่ %1 ลงไฟล์ %2 แล้ว (%3) ตรวจอ่านกลับแล้วว่าถูกต้อง
ส่งไฟล์นี้ให้จังหวัด เมื่อได้ใบตอบรับกลับมา ให้นำเข้าที่เมนู แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…</source>
        <translation>Bundle number %1 was written to %2 (%3) and read back correctly.
Send this file to the province. When its receipt comes back, import it with File › Import a receipt from the province…</translation>
    </message>
    <message>
        <source>บันทึกคำขอแล้ว: เมื่อผู้ดูแลระบบที่ถือกุญแจสั่ง samoe keys share ผู้ใช้นี้จะส่งข้อมูลได้</source>
        <translation>Request noted: once an administrator who holds the keys runs samoe keys share, this user can send data.</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ไม่ได้เขียนไฟล์ และข้อมูลในฐานข้อมูลไม่เปลี่ยน</source>
        <translation>Cancelled. No file was written and the database is unchanged.</translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <source>%1 เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล</source>
        <translation>%1 is a folder, not a database file</translation>
    </message>
    <message>
        <source>ไฟล์ %1 ว่างเปล่า (0 ไบต์) ไม่ใช่ฐานข้อมูลทะเบียน</source>
        <translation>The file %1 is empty (0 bytes); it is not a registry database</translation>
    </message>
    <message>
        <source>ไม่พบไฟล์ฐานข้อมูล %1 (ไฟล์อาจถูกย้าย เปลี่ยนชื่อ หรืออยู่ในแฟลชไดรฟ์ที่ไม่ได้เสียบไว้)</source>
        <translation>The database file %1 was not found (it may have been moved or renamed, or be on a flash drive that is not plugged in)</translation>
    </message>
    <message>
        <source>เลือกไฟล์ฐานข้อมูลอื่นจากเมนู แฟ้ม › เปิดฐานข้อมูล… หรือสร้างฐานข้อมูลใหม่จากเมนู แฟ้ม › ฐานข้อมูลใหม่…</source>
        <translation>Choose another database with File › Open database… or make a new one with File › New database…</translation>
    </message>
    <message>
        <source> กู้คืนได้จากเมนู แฟ้ม › กู้คืนจากไฟล์สำรอง…</source>
        <translation> Restore it with File › Restore from a backup…</translation>
    </message>
</context>
<context>
    <name>FilterMark</name>
    <message>
        <source>ล้างตัวกรอง ✕</source>
        <translation>Clear filter ✕</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>ผู้ดูแลระบบคนแรก</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>ตั้งผู้ดูแลระบบคนแรกของฐานข้อมูลนี้ ทุกครั้งที่เปิดโปรแกรมต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านนี้ ผู้ดูแลระบบเพิ่มผู้ใช้คนอื่นได้ภายหลัง และทำงานทะเบียนได้ด้วย</source>
        <translation>Set up this database&apos;s first administrator. Samoe asks for this user name and password every time it starts. The administrator can add other users later, and can also work on the registry.</translation>
    </message>
    <message>
        <source>เช่น นางสาวสมใจ ใจดี</source>
        <translation>e.g. Somjai Jaidee</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ยืนยันรหัสผ่าน</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>รหัสผ่านสองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน</source>
        <translation>The two passwords differ: type them again, the same</translation>
    </message>
</context>
<context>
    <name>FollowTab</name>
    <message>
        <source>สิ่งที่พบและสิ่งที่จะทำต่อ</source>
        <translation>What was found and what comes next</translation>
    </message>
    <message>
        <source>นัดครั้งถัดไป (เว้นว่าง: ตามรอบ)</source>
        <translation>Next visit (blank: on schedule)</translation>
    </message>
    <message>
        <source>บันทึกการนิเทศติดตาม</source>
        <translation>Record the follow-up</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>โดย</source>
        <translation>By</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>นัดครั้งถัดไป</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>ครั้งถัดไปภายใน %1</source>
        <translation>Next one by %1</translation>
    </message>
    <message>
        <source>นิเทศติดตามได้เมื่อกรณีอยู่ระหว่างดำเนินการตามแผน หรือเด็กกลับเข้าเรียนหรือทำงานแล้ว</source>
        <translation>A case is followed up while its plan runs, or once the child is back in education or work</translation>
    </message>
    <message>
        <source>บันทึกการนิเทศติดตามแล้ว</source>
        <translation>Follow-up recorded</translation>
    </message>
</context>
<context>
    <name>GrantRoundWindow</name>
    <message>
        <source>รอบทุน %1</source>
        <translation>Grant round %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · ภาคเรียน %3 · จ่ายกลุ่ม %4 · มาเรียนไม่น้อยกว่า %5%</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · term %3 · pays %4 · attendance at least %5%</translation>
    </message>
    <message>
        <source>รายชื่อผู้มีสิทธิ์</source>
        <translation>Eligible list</translation>
    </message>
    <message>
        <source>การมาเรียน</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>การจ่ายเงิน</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>กระทบยอด</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>พิมพ์รายชื่อรับเงิน…</source>
        <translation>Print the list to sign…</translation>
    </message>
    <message>
        <source>รายชื่อผู้มีสิทธิ์แยกตามสถานศึกษา มีช่องลายมือชื่อผู้ปกครอง (Ctrl+P)</source>
        <translation>The eligible children per school, with a column for the guardian's signature (Ctrl+P)</translation>
    </message>
    <message>
        <source>พิมพ์สรุปรอบ…</source>
        <translation>Print the summary…</translation>
    </message>
    <message>
        <source>ส่งออกรายการนี้…</source>
        <translation>Export this list…</translation>
    </message>
    <message>
        <source>ส่งออกรายการของแท็บที่เปิดอยู่เป็นไฟล์ Excel หรือ CSV</source>
        <translation>Export the open tab's list as an Excel or CSV file</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>การมาเรียนที่พิมพ์ไว้ยังไม่ได้บันทึก ปิดหน้าต่างและทิ้งการแก้ไขนั้นหรือไม่</source>
        <translation>The attendance typed is not saved. Close the window and discard it?</translation>
    </message>
    <message>
        <source>กำลังคิดรายชื่อผู้มีสิทธิ์…</source>
        <translation>Working out the eligible list…</translation>
    </message>
    <message>
        <source>กำลังคิดรายชื่อผู้มีสิทธิ์ของรอบ %1…</source>
        <translation>Working out the eligible list of %1…</translation>
    </message>
    <message>
        <source>รายชื่อนักเรียนผู้มีสิทธิ์รับทุน</source>
        <translation>Eligible students</translation>
    </message>
    <message>
        <source>รายชื่อรับทุน-%1</source>
        <translation>grant-list-%1</translation>
    </message>
    <message>
        <source>สรุปรอบทุน</source>
        <translation>Grant round summary</translation>
    </message>
    <message>
        <source>สรุปรอบทุน-%1</source>
        <translation>grant-summary-%1</translation>
    </message>
    <message>
        <source>การจ่ายเงินทุน</source>
        <translation>Grant payments</translation>
    </message>
    <message>
        <source>กระทบยอดรอบทุน</source>
        <translation>Grant round reconciliation</translation>
    </message>
    <message>
        <source>รายชื่อผู้มีสิทธิ์รับทุน</source>
        <translation>Eligible for the grant</translation>
    </message>
</context>
<context>
    <name>GrantRoundsView</name>
    <message>
        <source>รอบการจ่ายทุนเสมอภาคและเงินอุดหนุนนักเรียนยากจน</source>
        <translation>Equity grant and poor students subsidy rounds</translation>
    </message>
    <message>
        <source>ค้นหาชื่อรอบ ประเภททุน หรือภาคเรียน (Ctrl+F)</source>
        <translation>Search round, programme or term (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดงทุกรอบ</source>
        <translation>Show every round</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ชื่อรอบ</source>
        <translation>Round name</translation>
    </message>
    <message>
        <source>ประเภททุน</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>ภาคเรียน</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>กลุ่มที่จ่าย</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>เกณฑ์มาเรียน</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สร้างรอบทุนใหม่…</source>
        <translation>New grant round…</translation>
    </message>
    <message>
        <source>เปิดรอบทุน</source>
        <translation>Open round</translation>
    </message>
    <message>
        <source>ส่งออกรายการรอบ…</source>
        <translation>Export the rounds…</translation>
    </message>
    <message>
        <source>ส่งออกยอดรวมตามประเภททุน…</source>
        <translation>Export totals per programme…</translation>
    </message>
    <message>
        <source>ยังไม่มีรอบทุน กด "สร้างรอบทุนใหม่…" เพื่อเริ่ม</source>
        <translation>No grant round yet: press "New grant round…" to start</translation>
    </message>
    <message>
        <source>%1 รอบ</source>
        <translation>%1 rounds</translation>
    </message>
    <message>
        <source>เปิด</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>สร้างรอบทุนรหัส %1 แล้ว</source>
        <translation>Grant round %1 created</translation>
    </message>
    <message>
        <source>รอบทุน</source>
        <translation>Grant rounds</translation>
    </message>
    <message>
        <source>ยอดรวมทุนตามประเภททุน</source>
        <translation>Grant totals per programme</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>เมื่อ</source>
        <translation>When</translation>
    </message>
    <message>
        <source>ผู้ใช้</source>
        <translation>User</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>เซิร์ฟเวอร์ฐานข้อมูล</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>อ่านสรุปไม่สำเร็จ ลองเปิดหน้านี้ใหม่อีกครั้ง</source>
        <translation>The summary could not be read; open this page again</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตั้งค่าหน่วยงาน</source>
        <translation>The office is not set up yet</translation>
    </message>
    <message>
        <source>กรอกชื่อและรหัสหน่วยงานที่หน้า ตั้งค่าหน่วยงาน</source>
        <translation>Enter the office name and code on the Office settings page</translation>
    </message>
    <message>
        <source>รหัส อปท. %1</source>
        <translation>Local government code %1</translation>
    </message>
    <message>
        <source>จังหวัด%1</source>
        <translation>Province: %1</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>คน</source>
        <translation>children</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <comment>unit</comment>
        <translation>households</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>แห่ง</source>
        <translation>institutions</translation>
    </message>
    <message>
        <source>ยังไม่เคยนำเข้า</source>
        <translation>Nothing imported yet</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 คน</source>
        <translation>%1 · %2 · %3 children</translation>
    </message>
    <message>
        <source>(ยกเลิกแล้ว)</source>
        <translation>(undone)</translation>
    </message>
    <message>
        <source>ยังไม่เคยส่งออก</source>
        <translation>Nothing exported yet</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1 หน้า</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1 แถว</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>ยังไม่มีไฟล์สำรองในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล</source>
        <translation>No backup yet in the backups folder beside the database file</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกหรือกด Enter เพื่อเปิดหน้าที่เกี่ยวข้อง</source>
        <translation>Double-click or press Enter to open the page that deals with it</translation>
    </message>
    <message>
        <source>ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง: เด็ก ครัวเรือน และสถานศึกษาในฐานข้อมูลนี้เป็นข้อมูลสมมุติสำหรับทดลองใช้ ฐานข้อมูลจริงของหน่วยงานเปิดได้จากเมนู แฟ้ม › เปิดล่าสุด หรือ แฟ้ม › ฐานข้อมูลใหม่</source>
        <translation>DEMO DATA — not real: the children, households and schools in this database are fictional, for trying Samoe. Open the office&apos;s real database with File › Open recent or File › New database.</translation>
    </message>
    <message>
        <source>สิ่งที่ต้องทำวันนี้</source>
        <translation>To do today</translation>
    </message>
    <message>
        <source>ไม่มีงานค้าง</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <source>ล่าสุด</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>นำเข้าครั้งล่าสุด</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>ส่งออกครั้งล่าสุด</source>
        <translation>Last export</translation>
    </message>
    <message>
        <source>สำรองข้อมูลล่าสุด</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <source>ไฟล์ฐานข้อมูล</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>(ยังไม่ได้ตรวจ)</source>
        <translation>(not verified)</translation>
    </message>
</context>
<context>
    <name>HouseholdActions</name>
    <message>
        <source>แก้ไขที่อยู่ครัวเรือน</source>
        <translation>Edit household address</translation>
    </message>
    <message>
        <source>รวมครัวเรือน</source>
        <translation>Merge households</translation>
    </message>
    <message>
        <source>เลือกครัวเรือนในรายการก่อน แล้วจึงแก้ไข</source>
        <translation>Select a household in the list first, then edit</translation>
    </message>
    <message>
        <source>บันทึกที่อยู่ครัวเรือนแล้ว</source>
        <translation>Household address saved</translation>
    </message>
    <message>
        <source>เลือกสองครัวเรือนที่จะรวม: คลิกแถวแรก แล้ว Ctrl+คลิกแถวที่สอง (หรือ Shift+ลูกศร) จากนั้นกด รวมครัวเรือน (Ctrl+M)</source>
        <translation>Select the two households to merge: click the first row, then Ctrl+click the second (or Shift+arrow), then press Merge households (Ctrl+M)</translation>
    </message>
    <message>
        <source>รวมครัวเรือนแล้ว ย้ายสมาชิก %1 คน</source>
        <translation>Households merged; %1 members moved</translation>
    </message>
    <message>
        <source>ยกเลิกการรวมครัวเรือนแล้ว</source>
        <translation>Merge undone</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>สมาชิก %1 คน: %2 ที่อยู่ใหม่จะใช้กับทุกคนในครัวเรือน</source>
        <translation>%1 members: %2. The new address applies to everyone in the household</translation>
    </message>
    <message>
        <source>บันทึกไม่ได้ โปรดแก้ช่องที่มีข้อความสีแดงแล้วกดบันทึกอีกครั้ง</source>
        <translation>Could not save. Please correct the fields with a red message and click Save again.</translation>
    </message>
    <message>
        <source>แก้ไขที่อยู่ครัวเรือน</source>
        <translation>Edit household address</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>บ้านเลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>เช่น 12/3</source>
        <translation>e.g. 12/3</translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>เช่น 4</source>
        <translation>e.g. 4</translation>
    </message>
    <message>
        <source>หมู่บ้าน</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>เช่น บ้านโนนสูง</source>
        <translation>e.g. Ban Non Sung</translation>
    </message>
    <message>
        <source>ซอย</source>
        <translation>Soi</translation>
    </message>
    <message>
        <source>ถนน</source>
        <translation>Road</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation>District</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>รหัสไปรษณีย์</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>5 หลัก เช่น 30000</source>
        <translation>5 digits, e.g. 30000</translation>
    </message>
    <message>
        <source>ทะเบียนบ้านและการติดต่อ</source>
        <translation>House registration and contact</translation>
    </message>
    <message>
        <source>รหัสประจำบ้าน</source>
        <translation>House code</translation>
    </message>
    <message>
        <source>11 หลัก จากทะเบียนบ้าน</source>
        <translation>11 digits, from the house registration</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>เช่น 0812345678</source>
        <translation>e.g. 0812345678</translation>
    </message>
</context>
<context>
    <name>HouseholdMerge</name>
    <message>
        <source>รวมครัวเรือน</source>
        <translation>Merge households</translation>
    </message>
    <message>
        <source>ครัวเรือนที่เก็บไว้</source>
        <translation>Household kept</translation>
    </message>
    <message>
        <source>ครัวเรือนที่จะรวมเข้ามา (แล้วลบ)</source>
        <translation>Household merged in (then deleted)</translation>
    </message>
    <message>
        <source>สลับ: เก็บอีกครัวเรือนหนึ่งไว้แทน</source>
        <translation>Swap: keep the other household instead</translation>
    </message>
    <message>
        <source>เลือกว่าจะเก็บที่อยู่ของครัวเรือนใดไว้ (Ctrl+R)</source>
        <translation>Choose which household&apos;s address is kept (Ctrl+R)</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>ครัวเรือนที่รวมเข้ามา</source>
        <translation>Household merged in</translation>
    </message>
    <message>
        <source>หลังรวม</source>
        <translation>After the merge</translation>
    </message>
</context>
<context>
    <name>HouseholdMergeDialog</name>
    <message>
        <source>ช่อง</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>ครัวเรือนที่เก็บไว้</source>
        <translation>Household kept</translation>
    </message>
    <message>
        <source>ครัวเรือนที่รวมเข้ามา</source>
        <translation>Household merged in</translation>
    </message>
    <message>
        <source>หลังรวม</source>
        <translation>After the merge</translation>
    </message>
    <message>
        <source>รวมครัวเรือน</source>
        <translation>Merge households</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>(ยังไม่ได้กรอกที่อยู่)</source>
        <translation>(no address yet)</translation>
    </message>
    <message>
        <source>เด็ก: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <source>ผู้ปกครอง: %1</source>
        <translation>Guardians: %1</translation>
    </message>
    <message>
        <source>(ไม่มีสมาชิก)</source>
        <translation>(no members)</translation>
    </message>
    <message>
        <source>สมาชิก %1 คนจะย้ายจากครัวเรือนทางขวาไปอยู่ในครัวเรือนทางซ้าย แล้วครัวเรือนทางขวาจะถูกลบ ที่อยู่หลังรวม: %2</source>
        <translation>%1 members move from the household on the right to the one on the left, then the household on the right is deleted. Address after the merge: %2</translation>
    </message>
    <message>
        <source>ไม่ตรงกัน: เก็บค่าของครัวเรือนทางซ้าย</source>
        <translation>Differs: the left household&apos;s value is kept</translation>
    </message>
    <message>
        <source>ข้อมูลไม่ตรงกัน %1 ช่อง (แถบสีเหลือง): จะเก็บค่าของครัวเรือนทางซ้าย ถ้าต้องการค่าของอีกครัวเรือน กด สลับ หรือแก้ที่อยู่หลังรวม</source>
        <translation>%1 fields differ (yellow): the left household&apos;s values are kept. To keep the other household&apos;s values, press Swap, or edit the address after the merge</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>สมาชิก</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>ใช้ครัวเรือนนี้</source>
        <translation>Use this household</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>กำลังค้นหา…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>(ยังไม่ได้กรอกที่อยู่)</source>
        <translation>(no address yet)</translation>
    </message>
    <message>
        <source>(ไม่มีสมาชิก)</source>
        <translation>(no members)</translation>
    </message>
    <message>
        <source>พิมพ์บ้านเลขที่ หมู่ที่ หรือชื่อสมาชิกเพื่อค้นหา</source>
        <translation>Type a house number, village or member&apos;s name to search</translation>
    </message>
    <message>
        <source>ไม่พบครัวเรือนที่ตรงกัน ลองค้นด้วยคำอื่น หรือกด ยกเลิก แล้วกรอกที่อยู่ใหม่</source>
        <translation>No matching household. Try other words, or press Cancel and type a new address</translation>
    </message>
    <message>
        <source>แสดง %1 ครัวเรือนแรก กรอกเพิ่มเพื่อให้แคบลง</source>
        <translation>Showing the first %1 households; type more to narrow the search</translation>
    </message>
    <message>
        <source>พบ %1 ครัวเรือน</source>
        <translation>%1 households found</translation>
    </message>
    <message>
        <source>เลือกครัวเรือนที่มีอยู่</source>
        <translation>Choose an existing household</translation>
    </message>
    <message>
        <source>ค้นหาด้วยบ้านเลขที่ หมู่ที่ (เช่น 4 หรือ ม.4) หรือชื่อของสมาชิกในบ้าน (เด็กหรือผู้ปกครอง) กรอกช่องใดก็ได้</source>
        <translation>Search by house number, village (e.g. 4 or ม.4) or the name of a member (child or guardian); fill in any of the boxes</translation>
    </message>
    <message>
        <source>บ้านเลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>เช่น 12/3</source>
        <translation>e.g. 12/3</translation>
    </message>
    <message>
        <source>หมู่ที่/หมู่บ้าน</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>เช่น 4, ม.4 หรือชื่อหมู่บ้าน</source>
        <translation>e.g. 4, ม.4 or the village&apos;s name</translation>
    </message>
    <message>
        <source>ชื่อสมาชิก</source>
        <translation>Member&apos;s name</translation>
    </message>
    <message>
        <source>ชื่อหรือนามสกุล</source>
        <translation>First or last name</translation>
    </message>
</context>
<context>
    <name>HouseholdsTableModel</name>
    <message>
        <source>บ้านเลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>หมู่</source>
        <translation>Moo</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardians</translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <source>ครัวเรือนลบแยกไม่ได้: ครัวเรือนที่ซ้ำกันให้รวมเป็นหนึ่งเดียว (เลือกสองแถว แล้วกด รวมครัวเรือน Ctrl+M) ที่อยู่ที่ผิดให้แก้ด้วย แก้ไขที่อยู่ (F2)</source>
        <translation>A household is not deleted on its own: merge duplicate households into one (select two rows, then Merge households, Ctrl+M); correct a wrong address with Edit address (F2)</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>แสดงทุกครัวเรือน (ล้างคำค้น)</source>
        <translation>Show every household (clear the search)</translation>
    </message>
    <message>
        <source>คำค้น &quot;%1&quot;</source>
        <translation>search &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ทุกครัวเรือน</source>
        <translation>all households</translation>
    </message>
    <message>
        <source>รายการครัวเรือน</source>
        <translation>Households list</translation>
    </message>
    <message>
        <source>พบ %1 ครัวเรือน</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <source>กำลังค้นหา…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>ไม่พบครัวเรือนที่ตรงกับ “%1” ลองค้นด้วยคำอื่น</source>
        <translation>No household matches “%1”. Try another search.</translation>
    </message>
    <message>
        <source>เลือกครัวเรือนจากรายการเพื่อดูรายละเอียด</source>
        <translation>Select a household in the list to see its details.</translation>
    </message>
    <message>
        <source>(ยังไม่ได้กรอกที่อยู่)</source>
        <translation>(no address entered)</translation>
    </message>
    <message>
        <source>รหัสประจำบ้าน %1</source>
        <translation>House ID %1</translation>
    </message>
    <message>
        <source>โทร %1</source>
        <translation>Tel. %1</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกเพื่อเปิดข้อมูลเด็ก</source>
        <translation>Double-click to open the child&apos;s record</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>แก้ไขที่อยู่…</source>
        <translation>Edit address…</translation>
    </message>
    <message>
        <source>แก้ไขที่อยู่ รหัสประจำบ้าน และโทรศัพท์ของครัวเรือนที่เลือก (F2)</source>
        <translation>Edit the address, house code and phone of the selected household (F2)</translation>
    </message>
    <message>
        <source>รวมครัวเรือน…</source>
        <translation>Merge households…</translation>
    </message>
    <message>
        <source>เลือกสองครัวเรือนที่เป็นบ้านเดียวกัน (Ctrl+คลิก หรือ Shift+ลูกศร) แล้วรวมเป็นครัวเรือนเดียว (Ctrl+M)</source>
        <translation>Select two households that are the same house (Ctrl+click or Shift+arrow) and merge them into one (Ctrl+M)</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกรายการครัวเรือนตามคำค้นเป็น Excel หรือ CSV</source>
        <translation>Export the households matching the search to Excel or CSV</translation>
    </message>
    <message>
        <source>พิมพ์/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <source>พิมพ์รายการครัวเรือนตามคำค้น (Ctrl+P)</source>
        <translation>Print the households matching the search (Ctrl+P)</translation>
    </message>
    <message>
        <source>ค้นหาบ้านเลขที่ หมู่บ้าน ตำบล หรือชื่อเด็ก…</source>
        <translation>Search house no., village, subdistrict or child&apos;s name…</translation>
    </message>
    <message>
        <source>พิมพ์เพื่อค้นหา (Ctrl+F) ผลจะแสดงทันทีที่หยุดพิมพ์</source>
        <translation>Type to search (Ctrl+F). Results appear as soon as you stop typing.</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>สมาชิกในครัวเรือน</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ความสัมพันธ์</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation>Date of birth (BE)</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกที่ชื่อเด็กเพื่อเปิดข้อมูลเด็ก</source>
        <translation>Double-click a child&apos;s name to open their record.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>ขั้นที่ 1 จาก 3: เลือกไฟล์</source>
        <translation>Step 1 of 3: choose a file</translation>
    </message>
    <message>
        <source>ขั้นที่ 2 จาก 3: จับคู่คอลัมน์</source>
        <translation>Step 2 of 3: match the columns</translation>
    </message>
    <message>
        <source>ขั้นที่ 3 จาก 3: ตรวจสอบก่อนนำเข้า</source>
        <translation>Step 3 of 3: check before importing</translation>
    </message>
    <message>
        <source>ไม่กำหนด (ใช้คอลัมน์ในไฟล์ หรือไม่ลงทะเบียนเรียน)</source>
        <translation>None (use the file&apos;s column, or no enrolment)</translation>
    </message>
    <message>
        <source>ถัดไป ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>ตรวจสอบข้อมูล ▶</source>
        <translation>Check the data ▶</translation>
    </message>
    <message>
        <source>นำเข้า %1 คน</source>
        <translation>Import %1 children</translation>
    </message>
    <message>
        <source>เลือกไฟล์รายชื่อเด็ก</source>
        <translation>Choose a children file</translation>
    </message>
    <message>
        <source>ตารางข้อมูล (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;ทุกไฟล์ (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;All files (*)</translation>
    </message>
    <message>
        <source> (ซ่อนอยู่)</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>กำลังอ่านไฟล์…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>พบ %1 แถว %2 คอลัมน์ (หัวตารางอยู่แถวที่ %3)</source>
        <translation>%1 rows, %2 columns (headers on row %3)</translation>
    </message>
    <message>
        <source>รหัสอักขระ %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <source>อ่านไฟล์ไม่ได้</source>
        <translation>Cannot read the file</translation>
    </message>
    <message>
        <source>กำลังอ่าน %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก จึงจับคู่เป็นเลขประจำตัวประชาชนของเด็กให้ ถ้าไม่ใช่ โปรดเลือกใหม่</source>
        <translation>Column %1 holds 13-digit national ID numbers, so it was matched to the child&apos;s national ID. If it is not, please choose again</translation>
    </message>
    <message>
        <source>ไม่กำหนด (ใช้คอลัมน์ในไฟล์)</source>
        <translation>Not set (use the file&apos;s column)</translation>
    </message>
    <message>
        <source>ไฟล์มีข้อมูลผู้ปกครองแต่ไม่มีคอลัมน์ความเกี่ยวข้องกับเด็ก โปรดเลือก &apos;ผู้ปกครองเป็น&apos; ด้านล่าง (เช่น แม่) มิฉะนั้นแถวที่มีผู้ปกครองจะนำเข้าไม่ได้</source>
        <translation>The file has guardians but no column for their relation to the child: choose &apos;Guardian is&apos; below (e.g. mother), or the rows with a guardian cannot be imported</translation>
    </message>
    <message>
        <source>ไฟล์ไม่มีคอลัมน์ชั้น โปรดเลือกชั้นด้านล่าง (เช่น อ.2) มิฉะนั้นเด็กจะนำเข้าไม่ได้</source>
        <translation>The file has no class column: choose a class below (e.g. K2), or the children cannot be imported</translation>
    </message>
    <message>
        <source>ที่ %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <source>คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก โปรดเลือกว่าเป็นข้อมูลใด (เช่น เลขประจำตัวประชาชนผู้ปกครอง) หรือเลือก &apos;ไม่นำเข้า&apos;</source>
        <translation>Column %1 holds 13-digit national ID numbers: please choose what they are (e.g. the guardian&apos;s national ID) or choose &apos;Not imported&apos;</translation>
    </message>
    <message>
        <source>ยังไม่ได้จับคู่ข้อมูลที่จำเป็น: %1</source>
        <translation>Required data not matched yet: %1</translation>
    </message>
    <message>
        <source>เลือกซ้ำกันมากกว่าหนึ่งคอลัมน์: %1</source>
        <translation>Chosen for more than one column: %1</translation>
    </message>
    <message>
        <source>ตรวจสอบข้อมูลไม่สำเร็จ</source>
        <translation>Checking failed</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบข้อมูลที่จะนำเข้า…</source>
        <translation>Checking the rows to import…</translation>
    </message>
    <message>
        <source>พร้อมนำเข้า %1 คน</source>
        <translation>%1 children ready to import</translation>
    </message>
    <message>
        <source>มีข้อผิดพลาด %1 แถว (จะไม่นำเข้า)</source>
        <translation>%1 rows with errors (not imported)</translation>
    </message>
    <message>
        <source>มีคำเตือน %1 รายการ (นำเข้าได้ โปรดตรวจดู)</source>
        <translation>%1 warnings (imported; please look)</translation>
    </message>
    <message>
        <source>ไม่พบปัญหา</source>
        <translation>No problems found</translation>
    </message>
    <message>
        <source>%1-ปัญหา.xlsx</source>
        <translation>%1-problems.xlsx</translation>
    </message>
    <message>
        <source>บันทึกรายงานข้อผิดพลาด</source>
        <translation>Save the error report</translation>
    </message>
    <message>
        <source>สมุดงาน Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>บันทึกรายงานข้อผิดพลาด %1 แถวไว้ที่ %2</source>
        <translation>Error report of %1 rows saved to %2</translation>
    </message>
    <message>
        <source>กำลังบันทึกรายงานข้อผิดพลาด…</source>
        <translation>Saving the error report…</translation>
    </message>
    <message>
        <source>ยืนยันการนำเข้า</source>
        <translation>Confirm the import</translation>
    </message>
    <message>
        <source>มี %1 แถวที่มีข้อผิดพลาดและจะไม่ถูกนำเข้า
ต้องการนำเข้าเฉพาะ %2 คนที่ถูกต้องหรือไม่?</source>
        <translation>%1 rows have errors and will not be imported.
Import only the %2 valid children?</translation>
    </message>
    <message>
        <source>นำเข้าจาก %1 แล้ว %2 คน</source>
        <translation>Imported %2 children from %1</translation>
    </message>
    <message>
        <source>นำเข้าไม่สำเร็จ</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>ไม่มีข้อมูลใดถูกบันทึก

%1</source>
        <translation>Nothing was saved.

%1</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก</source>
        <translation>Cancelled; nothing was saved</translation>
    </message>
    <message>
        <source>กำลังนำเข้ารายชื่อเด็ก…</source>
        <translation>Importing children…</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็ก</source>
        <translation>Import children</translation>
    </message>
    <message>
        <source>ไฟล์</source>
        <translation>File</translation>
    </message>
    <message>
        <source>เลือกไฟล์ .xlsx .xls .ods หรือ .csv</source>
        <translation>Choose an .xlsx, .xls, .ods or .csv file</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>แผ่นงาน</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>แถวหัวตาราง</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>แถวที่มีชื่อคอลัมน์ โปรแกรมหาให้เอง ถ้าไม่ถูกให้เปลี่ยนเลขแถว หรือดับเบิลคลิกแถวในตารางตัวอย่างด้านล่าง</source>
        <translation>The row holding the column names. Found automatically; if it is wrong, change the row number or double-click a row in the preview below</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ปีการศึกษา</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>แถวแรก ๆ ของแผ่นงานตามที่อ่านได้ แถวหัวตารางแสดงเป็นตัวหนา ดับเบิลคลิกแถวเพื่อใช้เป็นหัวตาราง</source>
        <translation>The first rows of the sheet as read; the header row is in bold. Double-click a row to use it as the header</translation>
    </message>
    <message>
        <source>ไฟล์ต้องมีแถวหัวตาราง เช่น คำนำหน้าชื่อ ชื่อ นามสกุล เพศ วันเกิด เลขประจำตัวประชาชน (วันเกิดเป็น พ.ศ. หรือ ค.ศ. ก็ได้) ไฟล์ต้องไม่เกิน 20 MB และไม่เกิน 100,000 แถว ยังไม่มีการบันทึกข้อมูลใดจนกว่าท่านจะกดนำเข้าในขั้นสุดท้าย</source>
        <translation>The file needs a header row such as prefix, first name, last name, sex, birth date, national ID (birth dates in BE or CE). At most 20 MB and 100,000 rows. Nothing is saved until you press Import in the last step.</translation>
    </message>
    <message>
        <source>ตรวจว่าแต่ละคอลัมน์ในไฟล์ตรงกับข้อมูลใด คอลัมน์ที่ไม่ต้องการให้เลือก &quot;ไม่นำเข้า&quot; โปรแกรมจะจำการจับคู่นี้ไว้ใช้กับไฟล์แบบเดียวกันครั้งต่อไป</source>
        <translation>Check which data each column of the file holds; choose &quot;not imported&quot; for columns you do not need. Samoe remembers this for files with the same columns.</translation>
    </message>
    <message>
        <source>หัวคอลัมน์ในไฟล์</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>ตัวอย่างข้อมูล</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>นำเข้าเป็น</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>ค่าสำหรับทั้งไฟล์ (ใช้กับแถวที่ไม่มีข้อมูลนี้ในไฟล์)</source>
        <translation>Values for the whole file (used for rows without them in the file)</translation>
    </message>
    <message>
        <source>ใช้กับแถวที่ไม่มีสถานศึกษาในไฟล์</source>
        <translation>Used for rows without an institution in the file</translation>
    </message>
    <message>
        <source>ใช้กับแถวที่ไม่มีปีการศึกษาในไฟล์</source>
        <translation>Used for rows without an academic year in the file</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ใช้กับแถวที่ไม่มีชั้นในไฟล์</source>
        <translation>Used for rows without a class in the file</translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>เช่น 1 หรือ 2/1</source>
        <translation>e.g. 1 or 2/1</translation>
    </message>
    <message>
        <source>ใช้กับแถวที่ไม่มีห้องในไฟล์</source>
        <translation>Used for rows without a room in the file</translation>
    </message>
    <message>
        <source>ผู้ปกครองเป็น</source>
        <translation>Guardian is</translation>
    </message>
    <message>
        <source>ความเกี่ยวข้องกับเด็กของผู้ปกครองในไฟล์ ใช้กับแถวที่มีชื่อผู้ปกครองแต่ไม่มีความเกี่ยวข้องในไฟล์ แถวที่ไม่มีข้อมูลผู้ปกครองจะนำเข้าโดยไม่มีผู้ปกครอง</source>
        <translation>How the file&apos;s guardians are related to the child; used for rows with a guardian&apos;s name but no relation. Rows without guardian data are imported without a guardian</translation>
    </message>
    <message>
        <source>ค้นหาในรายการปัญหา…</source>
        <translation>Search the problems…</translation>
    </message>
    <message>
        <source>เฉพาะข้อผิดพลาด</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>บันทึกรายงานข้อผิดพลาด (.xlsx)…</source>
        <translation>Save error report (.xlsx)…</translation>
    </message>
    <message>
        <source>บันทึกแถวที่มีปัญหาพร้อมคำอธิบาย เพื่อแก้ในไฟล์แล้วนำเข้าใหม่</source>
        <translation>Save the rows with problems and what is wrong, to fix them in the file and import again</translation>
    </message>
    <message>
        <source>◀ ย้อนกลับ</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportHistoryView</name>
    <message>
        <source>ค่าทั้งไฟล์ของการนำเข้าที่เลือก: %1</source>
        <translation>Whole-file values of the selected import: %1</translation>
    </message>
    <message>
        <source>ค่าทั้งไฟล์</source>
        <translation>Whole-file values</translation>
    </message>
    <message>
        <source>ห้อง %1</source>
        <translation>room %1</translation>
    </message>
    <message>
        <source>ผู้ปกครอง: %1</source>
        <translation>guardian: %1</translation>
    </message>
    <message>
        <source>ปีการศึกษา %1</source>
        <translation>academic year %1</translation>
    </message>
    <message>
        <source>นำเข้าเมื่อ</source>
        <translation>Imported at (BE)</translation>
    </message>
    <message>
        <source>ไฟล์</source>
        <translation>File</translation>
    </message>
    <message>
        <source>แผ่นงาน</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>แถวในไฟล์</source>
        <translation>Rows in file</translation>
    </message>
    <message>
        <source>นำเข้า (คน)</source>
        <translation>Imported (children)</translation>
    </message>
    <message>
        <source>ผู้นำเข้า</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ยกเลิกแล้วเมื่อ %1</source>
        <translation>Undone at %1</translation>
    </message>
    <message>
        <source>ใช้งานอยู่ (แก้ไขภายหลัง %1 คน)</source>
        <translation>In use (%1 edited since)</translation>
    </message>
    <message>
        <source>ใช้งานอยู่</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>ยกเลิกการนำเข้าไฟล์ %1 (%2 คน) ใช่หรือไม่?
เด็กที่นำเข้ามากับไฟล์นี้จะถูกลบ และกู้คืนได้จากรายชื่อที่ลบแล้ว</source>
        <translation>Undo the import of %1 (%2 children)?
The children imported with this file are deleted; they can be restored from the deleted list.</translation>
    </message>
    <message>
        <source>คำเตือน: มี %1 คนที่ถูกแก้ไขหลังนำเข้า การแก้ไขนั้นจะถูกลบไปด้วย</source>
        <translation>Warning: %1 children were edited after the import; those edits are deleted too.</translation>
    </message>
    <message>
        <source>ยืนยันการยกเลิกการนำเข้า</source>
        <translation>Confirm undoing the import</translation>
    </message>
    <message>
        <source>ยกเลิกการนำเข้า %1 แล้ว (%2 คน)</source>
        <translation>Import of %1 undone (%2 children)</translation>
    </message>
    <message>
        <source>กำลังยกเลิกการนำเข้า…</source>
        <translation>Undoing the import…</translation>
    </message>
    <message>
        <source>ประวัติการนำเข้า</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>นำเข้า…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็กจากไฟล์ Excel หรือ CSV (Ctrl+I)</source>
        <translation>Import children from an Excel or CSV file (Ctrl+I)</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกประวัติการนำเข้าเป็น Excel หรือ CSV</source>
        <translation>Export the import history to Excel or CSV</translation>
    </message>
    <message>
        <source>พิมพ์/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <source>พิมพ์ประวัติการนำเข้า (Ctrl+P)</source>
        <translation>Print the import history (Ctrl+P)</translation>
    </message>
    <message>
        <source>ยกเลิกการนำเข้าชุดนี้…</source>
        <translation>Undo this import…</translation>
    </message>
    <message>
        <source>ลบเด็กทุกคนที่นำเข้ามากับไฟล์ที่เลือก (กู้คืนได้จากรายชื่อที่ลบแล้ว)</source>
        <translation>Delete every child imported with the selected file (they can be restored from the deleted list)</translation>
    </message>
    <message>
        <source>การนำเข้าแต่ละครั้งบันทึกเป็นหนึ่งชุด ยกเลิกทั้งชุดได้หากนำเข้าไฟล์ผิด</source>
        <translation>Each import is kept as one batch; undo a whole batch if the wrong file was imported.</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>นำเข้าการมาเรียนไม่ได้</source>
        <translation>Attendance not imported</translation>
    </message>
    <message>
        <source>ไฟล์มีปัญหา %1 จุด จึงยังไม่ได้บันทึกข้อมูลใดเลย โปรดแก้ในไฟล์แล้วนำเข้าอีกครั้ง</source>
        <translation>The file has %1 problem(s), so nothing was saved. Please correct the file and import it again</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เพิ่มสถานศึกษา</source>
        <translation>Add institution</translation>
    </message>
    <message>
        <source>แก้ไขสถานศึกษา</source>
        <translation>Edit institution</translation>
    </message>
    <message>
        <source>บันทึกไม่ได้ โปรดแก้ไขช่องที่มีกรอบสีแดงแล้วกดบันทึกอีกครั้ง</source>
        <translation>Could not save. Please correct the fields outlined in red and click Save again.</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ข้อมูลสถานศึกษา</source>
        <translation>Institution details</translation>
    </message>
    <message>
        <source>ประเภท *</source>
        <translation>Type *</translation>
    </message>
    <message>
        <source>โรงเรียน</source>
        <translation>School</translation>
    </message>
    <message>
        <source>ศูนย์พัฒนาเด็กเล็ก</source>
        <translation>Child development centre</translation>
    </message>
    <message>
        <source>รหัสสถานศึกษา *</source>
        <translation>Institution code *</translation>
    </message>
    <message>
        <source>รหัส 10 หลักของกระทรวง หรือรหัสที่ อปท. กำหนด</source>
        <translation>10-digit ministry code, or a code set by the local authority</translation>
    </message>
    <message>
        <source>ชื่อสถานศึกษา *</source>
        <translation>Institution name *</translation>
    </message>
    <message>
        <source>เช่น โรงเรียนเทศบาล 1 (บ้านโนนสูง)</source>
        <translation>e.g. Municipal School 1 (Ban Non Sung)</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>เช่น 044 123 456</source>
        <translation>e.g. 044 123 456</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>บ้านเลขที่</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>เช่น 12/3</source>
        <translation>e.g. 12/3</translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>เช่น 4</source>
        <translation>e.g. 4</translation>
    </message>
    <message>
        <source>หมู่บ้าน</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>เช่น บ้านโนนสูง</source>
        <translation>e.g. Ban Non Sung</translation>
    </message>
    <message>
        <source>ซอย</source>
        <translation>Soi</translation>
    </message>
    <message>
        <source>ถนน</source>
        <translation>Road</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation>District</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>รหัสไปรษณีย์</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>5 หลัก เช่น 30000</source>
        <translation>5 digits, e.g. 30000</translation>
    </message>
</context>
<context>
    <name>InstitutionsView</name>
    <message>
        <source>โรงเรียน</source>
        <translation>School</translation>
    </message>
    <message>
        <source>ศูนย์พัฒนาเด็กเล็ก</source>
        <translation>Child dev. centre</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>จำนวนเด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>เพิ่มสถานศึกษา</source>
        <translation>Add institution</translation>
    </message>
    <message>
        <source>แก้ไขสถานศึกษา</source>
        <translation>Edit institution</translation>
    </message>
    <message>
        <source>ลบสถานศึกษา</source>
        <translation>Delete institution</translation>
    </message>
    <message>
        <source>แสดงทุกสถานศึกษา (ล้างคำค้น)</source>
        <translation>Show every institution (clear the search)</translation>
    </message>
    <message>
        <source>จำนวนเด็กปีการศึกษา %1</source>
        <translation>children in academic year %1</translation>
    </message>
    <message>
        <source>รายการสถานศึกษา</source>
        <translation>Institutions list</translation>
    </message>
    <message>
        <source>จำนวนเด็กที่ลงทะเบียนในปีการศึกษา %1</source>
        <translation>Children enrolled in academic year %1</translation>
    </message>
    <message>
        <source>ยังไม่มีปีการศึกษา</source>
        <translation>No academic year yet</translation>
    </message>
    <message>
        <source>จำนวนเด็กที่ยังลงทะเบียนอยู่กับสถานศึกษานี้ (ทุกปีการศึกษา)</source>
        <translation>Children still enrolled in this institution (all academic years)</translation>
    </message>
    <message>
        <source>กู้คืน</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>กู้คืนสถานศึกษาที่เลือก (Delete)</source>
        <translation>Restore the selected institution (Delete)</translation>
    </message>
    <message>
        <source>กู้คืนสถานศึกษา</source>
        <translation>Restore institution</translation>
    </message>
    <message>
        <source>ที่ลบแล้ว %1 แห่ง</source>
        <translation>%1 deleted</translation>
    </message>
    <message>
        <source>ทั้งหมด %1 แห่ง</source>
        <translation>%1 institutions</translation>
    </message>
    <message>
        <source>แสดง %1 จาก %2 แห่ง</source>
        <translation>Showing %1 of %2 institutions</translation>
    </message>
    <message>
        <source>บันทึก %1 แล้ว</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>ลบ %1 แล้ว</source>
        <translation>Deleted %1</translation>
    </message>
    <message>
        <source>กู้คืน %1 แล้ว</source>
        <translation>Restored %1</translation>
    </message>
    <message>
        <source>ยืนยันการลบ</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <source>ลบ %1 ใช่หรือไม่? กู้คืนได้ภายหลัง</source>
        <translation>Delete %1? You can restore it later.</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>มีเด็ก %1 คนลงทะเบียนกับสถานศึกษานี้ เด็กยังอยู่ในรายชื่อ และข้อมูลเด็กจะแสดงว่าสถานศึกษานี้ถูกลบแล้ว กู้คืนได้โดยติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน</source>
        <translation>%1 children are enrolled in this institution. They stay in the list, and their records will show this institution as deleted. To restore it, tick Show deleted and press Restore</translation>
    </message>
    <message>
        <source>กู้คืนได้โดยติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน</source>
        <translation>To restore it, tick Show deleted and press Restore</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>เพิ่มสถานศึกษาใหม่ (Ctrl+N)</source>
        <translation>Add a new institution (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แก้ไขสถานศึกษาที่เลือก (Enter หรือดับเบิลคลิก)</source>
        <translation>Edit the selected institution (Enter or double-click)</translation>
    </message>
    <message>
        <source>แสดงที่ลบแล้ว</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>แสดงสถานศึกษาที่ลบแล้ว เพื่อกู้คืน</source>
        <translation>Show deleted institutions, to restore them</translation>
    </message>
    <message>
        <source>ลบสถานศึกษาที่เลือก (Delete) กู้คืนได้ภายหลัง</source>
        <translation>Delete the selected institution (Delete). It can be restored later.</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกรายการสถานศึกษาเป็น Excel หรือ CSV</source>
        <translation>Export the institutions to Excel or CSV</translation>
    </message>
    <message>
        <source>พิมพ์/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <source>พิมพ์รายการสถานศึกษาพร้อมจำนวนเด็ก (Ctrl+P)</source>
        <translation>Print the institutions with their numbers of children (Ctrl+P)</translation>
    </message>
    <message>
        <source>กรองตามชื่อ รหัส หรือที่อยู่…</source>
        <translation>Filter by name, code or address…</translation>
    </message>
</context>
<context>
    <name>LeaveAdminQuestion</name>
    <message>
        <source>ยังไม่ได้ตั้งผู้ดูแลระบบ</source>
        <translation>No administrator yet</translation>
    </message>
    <message>
        <source>ฐานข้อมูลต้องมีผู้ดูแลระบบและรหัสผ่านก่อน จึงจะเปิดข้อมูลได้

กลับไปตั้งให้ครบ หรือออกไว้ทำต่อครั้งหน้า?</source>
        <translation>The database needs an administrator and a password before its data can be opened.

Go back and finish, or quit and do it next time?</translation>
    </message>
    <message>
        <source>กลับไปตั้งผู้ดูแลระบบ</source>
        <translation>Back to the administrator</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LeaveSetUpQuestion</name>
    <message>
        <source>ยังไม่ได้ตั้งค่าหน่วยงาน</source>
        <translation>The office is not set up yet</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ยังไม่มีชื่อและรหัสหน่วยงาน จึงยังใช้งานไม่ได้

กลับไปกรอกให้ครบ หรือออกจากโปรแกรมไว้ทำต่อครั้งหน้า?</source>
        <translation>This database has no office name and code yet, so it cannot be used.

Go back and fill them in, or quit and finish next time?</translation>
    </message>
    <message>
        <source>กลับไปตั้งค่า</source>
        <translation>Back to the set-up</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit Samoe</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Samoe — ล็อกหน้าจอ</source>
        <translation>Samoe — screen locked</translation>
    </message>
    <message>
        <source>ลืมรหัสผ่าน…</source>
        <translation>Forgot password…</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบที่ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน</source>
        <translation>An administrator who forgot their password: set a new one with the recovery key</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ปลดล็อก</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>สลับผู้ใช้</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>สลับผู้ใช้: ใส่ชื่อผู้ใช้และรหัสผ่านของผู้ที่จะใช้งานต่อ งานที่เปิดค้างไว้ของผู้ใช้เดิมจะถูกปิดโดยไม่บันทึก</source>
        <translation>Switch user: enter the user name and password of the person who goes on. What the previous user left open is closed without saving.</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>หน้าจอถูกล็อกเพื่อปกป้องข้อมูลส่วนบุคคล ใส่รหัสผ่านของ %1 เพื่อใช้งานต่อ หรือกด สลับผู้ใช้ ถ้าเป็นผู้ใช้คนอื่น</source>
        <translation>The screen is locked to protect personal data. Enter the password of %1 to go on, or press Switch user if you are someone else.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>เข้าสู่ระบบ Samoe</source>
        <translation>Log in to Samoe</translation>
    </message>
    <message>
        <source>Samoe</source>
        <translation>Samoe</translation>
    </message>
    <message>
        <source>ฐานข้อมูล: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ลืมรหัสผ่าน…</source>
        <translation>Forgot password…</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบที่ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน</source>
        <translation>An administrator who forgot their password: set a new one with the recovery key</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>การเจริญเติบโตและพัฒนาการ</source>
        <translation>Growth and development</translation>
    </message>
    <message>
        <source>คัดกรองความยากจน</source>
        <translation>Poverty screening</translation>
    </message>
    <message>
        <source>แบบคัดกรอง</source>
        <translation>Screenings</translation>
    </message>
    <message>
        <source>หน้าแรก</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>ทะเบียน</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>ประวัติการนำเข้า</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>ตั้งค่าหน่วยงาน</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <source>บันทึกข้อมูลเด็กแล้ว</source>
        <translation>Child record saved</translation>
    </message>
    <message>
        <source>เลิกทำ</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เลิกทำ (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>สรุปทะเบียนเด็ก</source>
        <translation>Registry summary</translation>
    </message>
    <message>
        <source>ปีการศึกษา %1</source>
        <translation>Academic year %1</translation>
    </message>
    <message>
        <source>ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป</source>
        <translation>ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่างแล้ว %1 คน</source>
        <translation>Added %1 sample children</translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่างไม่สำเร็จ: %1</source>
        <translation>Could not add sample data: %1</translation>
    </message>
    <message>
        <source>กำลังสร้างข้อมูลตัวอย่าง…</source>
        <translation>Creating sample data…</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก</source>
        <translation>Cancelled. Nothing was saved.</translation>
    </message>
    <message>
        <source>ฐานข้อมูลตัวอย่าง</source>
        <translation>Demo database</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้เป็นข้อมูลตัวอย่าง (ไม่ใช่ข้อมูลจริง)

เพิ่มเด็กสมมุติอีก %1 คนหรือไม่?</source>
        <translation>This database holds demo data (not real).

Add another %1 fictional children?</translation>
    </message>
    <message>
        <source>เพิ่มข้อมูลตัวอย่าง</source>
        <translation>Add demo data</translation>
    </message>
    <message>
        <source>ข้อมูลตัวอย่าง (เด็ก ครัวเรือน และสถานศึกษาสมมุติ) อยู่ในฐานข้อมูลตัวอย่างที่แยกไว้ต่างหาก ไม่เพิ่มลงในฐานข้อมูลจริงของหน่วยงานนี้

เปิดฐานข้อมูลตัวอย่างหรือไม่? กลับมาที่ฐานข้อมูลนี้ได้จากเมนู แฟ้ม › เปิดล่าสุด</source>
        <translation>Demo data (fictional children, households and schools) lives in a demo database of its own; it is never added to this office&apos;s real database.

Open the demo database? You can come back to this database with File › Open recent.</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลตัวอย่าง</source>
        <translation>Open the demo database</translation>
    </message>
    <message>
        <source>ฐานข้อมูลใหม่ (ว่าง) สำหรับหน่วยงาน: กรอกชื่อ รหัส และจังหวัดของหน่วยงาน แล้วเลือกที่เก็บไฟล์ ฐานข้อมูลที่เปิดอยู่ไม่ถูกเปลี่ยนแปลง</source>
        <translation>A new, empty database for an office: enter its name, code and province, then choose where to keep the file. The database open now is not changed.</translation>
    </message>
    <message>
        <source>ทะเบียน-%1.db</source>
        <translation>registry-%1.db</translation>
    </message>
    <message>
        <source>ฐานข้อมูลใหม่</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>ฐานข้อมูล Samoe (*.db)</source>
        <translation>Samoe database (*.db)</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูล</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>ฐานข้อมูล Samoe (*.db *.sqlite *.sqlite3);;ทุกไฟล์ (*)</source>
        <translation>Samoe database (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>(ยังไม่มี)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>ข้อมูลตัวอย่าง (ไม่ใช่ข้อมูลจริง)</source>
        <translation>DEMO DATA (not real)</translation>
    </message>
    <message>
        <source>เพิ่มข้อมูลตัวอย่าง…</source>
        <translation>Add demo data…</translation>
    </message>
    <message>
        <source>ฐานข้อมูลถูกต้อง ไม่พบปัญหา</source>
        <translation>The database is in good order. No problems found.</translation>
    </message>
    <message>
        <source>กำลังตรวจฐานข้อมูล…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <source>เกี่ยวกับ Samoe</source>
        <translation>About Samoe</translation>
    </message>
    <message>
        <source>Samoe %1
ระบบทะเบียนเด็กและความเสมอภาคทางการศึกษาสำหรับองค์กรปกครองส่วนท้องถิ่น
ฐานข้อมูล: %2</source>
        <translation>Samoe %1
Child registry and education equity system for local government organisations
Database: %2</translation>
    </message>
    <message>
        <source>Samoe — ทะเบียนเด็กและความเสมอภาคทางการศึกษา</source>
        <translation>Samoe — Child registry and education equity</translation>
    </message>
    <message>
        <source>เมนู</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>แฟ้ม</source>
        <translation>File</translation>
    </message>
    <message>
        <source>เปิดล่าสุด</source>
        <translation>Open recent</translation>
    </message>
    <message>
        <source>รายงาน</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <source>ช่วยเหลือ</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อเด็กจาก Excel/CSV…</source>
        <translation>Import children from Excel/CSV…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>ส่งออกรายชื่อเด็กเป็น Excel/CSV…</source>
        <translation>Export children to Excel/CSV…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>รายชื่อเด็กตามสถานศึกษาและชั้น…</source>
        <translation>Children by institution and level…</translation>
    </message>
    <message>
        <source>สรุปทะเบียนเด็ก…</source>
        <translation>Registry summary…</translation>
    </message>
    <message>
        <source>ฐานข้อมูลใหม่…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูล…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>ฐานข้อมูลตัวอย่าง (ทดลองใช้)…</source>
        <translation>Demo database (to try Samoe)…</translation>
    </message>
    <message>
        <source>ตั้งค่าหน่วยงาน…</source>
        <translation>Office settings…</translation>
    </message>
    <message>
        <source>ตรวจความถูกต้องของฐานข้อมูล</source>
        <translation>Check database integrity</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>ทุนเสมอภาค</source>
        <translation>Equity grants</translation>
    </message>
    <message>
        <source>รอบการจ่ายทุน</source>
        <translation>Grant rounds</translation>
    </message>
    <message>
        <source>ศูนย์พัฒนาเด็กเล็ก</source>
        <translation>Child development centre</translation>
    </message>
    <message>
        <source>ห้องเรียนและการมาเรียน</source>
        <translation>Rooms and attendance</translation>
    </message>
    <message>
        <source>เด็กนอกระบบการศึกษา</source>
        <translation>Out-of-school children</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบ</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>MembersGrid</name>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ความเกี่ยวข้อง</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>อายุ (ปี)</source>
        <translation>Age (years)</translation>
    </message>
    <message>
        <source>อาชีพ</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>รายได้/เดือน (บาท)</source>
        <translation>Income/month (baht)</translation>
    </message>
    <message>
        <source>พิการ</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>ป่วยเรื้อรัง</source>
        <translation>Chronic illness</translation>
    </message>
    <message>
        <source>ว่างงาน</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>ลบสมาชิกคนที่ %1</source>
        <translation>Remove member %1</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>สร้างรอบทุนใหม่</source>
        <translation>New grant round</translation>
    </message>
    <message>
        <source>เช่น ทุนเสมอภาค ภาคเรียน 1/2569</source>
        <translation>e.g. Equity grant term 1/2569</translation>
    </message>
    <message>
        <source>ยากจนพิเศษ</source>
        <translation>Extremely poor</translation>
    </message>
    <message>
        <source>ยากจน</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>บาทต่อคน</source>
        <translation>Baht per child</translation>
    </message>
    <message>
        <source>ชื่อรอบ</source>
        <translation>Round name</translation>
    </message>
    <message>
        <source>ประเภททุน</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>ภาคเรียน</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>ชุดเกณฑ์คัดกรอง</source>
        <translation>Rule pack</translation>
    </message>
    <message>
        <source>กลุ่มที่ทุนนี้จ่าย</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>เกณฑ์การมาเรียนอย่างน้อย</source>
        <translation>Attendance at least</translation>
    </message>
    <message>
        <source>จำนวนเงินต่อชั้น</source>
        <translation>Amount per class level</translation>
    </message>
    <message>
        <source>สร้างรอบทุน</source>
        <translation>Create round</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> — ชุดตัวอย่างสำหรับทดลองใช้ ไม่ใช่เกณฑ์จริงของ กสศ.</source>
        <translation> — an illustrative pack for trying the program, not the EEF's real rules</translation>
    </message>
    <message>
        <source>%1 (ชุดที่ใช้อยู่ จำนวนเงินและเกณฑ์ด้านล่างมาจากชุดนี้ แก้ได้)%2</source>
        <translation>%1 (the pack in force; the amounts and threshold below come from it and can be changed)%2</translation>
    </message>
    <message>
        <source>%1 ภาคเรียน %2</source>
        <translation>%1 term %2</translation>
    </message>
    <message>
        <source>จำนวนเงินของชั้น %1 ต้องเป็นจำนวนเต็มบาท (พิมพ์ "%2")</source>
        <translation>The amount for %1 must be whole baht (typed "%2")</translation>
    </message>
    <message>
        <source>ไม่มีภาคเรียนในทะเบียน โปรดเพิ่มปีการศึกษาก่อน</source>
        <translation>The registry has no term: please add an academic year first</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>ตั้งค่าหน่วยงาน</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <source>กรอกชื่อ รหัส และจังหวัดของหน่วยงานที่จะใช้ฐานข้อมูลนี้ (ใช้เป็นหัวกระดาษของรายงาน แก้ไขภายหลังได้ที่หน้า ตั้งค่าหน่วยงาน)</source>
        <translation>Enter the name, code and province of the office that will use this database (they head the reports; change them later on the Office settings page).</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <source>ชื่อหน่วยงาน *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <source>เช่น เทศบาลตำบลบ้านใหม่</source>
        <translation>e.g. เทศบาลตำบลบ้านใหม่</translation>
    </message>
    <message>
        <source>รหัส อปท. *</source>
        <translation>Local government code *</translation>
    </message>
    <message>
        <source>7 หลัก ตามกรมส่งเสริมการปกครองท้องถิ่น เช่น 6300101</source>
        <translation>7 digits, as given by the DLA, e.g. 6300101</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>เช่น นครราชสีมา</source>
        <translation>e.g. นครราชสีมา</translation>
    </message>
    <message>
        <source>ประเภทหน่วยงาน *</source>
        <translation>Kind of office *</translation>
    </message>
    <message>
        <source>องค์กรปกครองส่วนท้องถิ่น (เทศบาล อบต.)</source>
        <translation>Local government (municipality, SAO)</translation>
    </message>
    <message>
        <source>สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด</source>
        <translation>Provincial office of local administration</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsView</name>
    <message>
        <source>ยังไม่ได้บันทึก: แก้ช่องที่มีเครื่องหมายสีแดงก่อน</source>
        <translation>Not saved: correct the fields marked in red first</translation>
    </message>
    <message>
        <source>บันทึกข้อมูลหน่วยงานแล้ว</source>
        <translation>Office saved</translation>
    </message>
    <message>
        <source>ตั้งค่าหน่วยงาน</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <source>ชื่อ รหัส และจังหวัดของหน่วยงานที่ใช้ฐานข้อมูลนี้ ใช้เป็นหัวกระดาษของรายงานทุกฉบับ</source>
        <translation>The name, code and province of the office that uses this database; they head every report.</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>คืนค่าเดิม</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>ความปลอดภัย</source>
        <translation>Security</translation>
    </message>
    <message>
        <source> นาที</source>
        <translation> min</translation>
    </message>
    <message>
        <source>ไม่มีการกดแป้นหรือเลื่อนเมาส์นานเท่านี้ หน้าจอจะล็อกและซ่อนข้อมูลส่วนบุคคล จนกว่าจะใส่รหัสผ่านอีกครั้ง</source>
        <translation>After this long without a key press or mouse movement the screen locks and hides personal data until the password is given again</translation>
    </message>
    <message>
        <source>ล็อกหน้าจอเมื่อไม่มีการใช้งาน</source>
        <translation>Lock the screen when idle for</translation>
    </message>
    <message>
        <source>บันทึกทุกครั้งที่เปิดดูข้อมูลเด็ก</source>
        <translation>Record each opening of a child's record</translation>
    </message>
    <message>
        <source>ทุกครั้งที่มีผู้เปิดดูข้อมูลเด็กรายคน จะบันทึกไว้ในประวัติของเด็ก (ใคร เมื่อใด) ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล ควรเปิดไว้</source>
        <translation>Each time someone opens a child's record it is noted in the child's history (who, when), as the PDPA asks; keep it on</translation>
    </message>
    <message>
        <source>บันทึกการใช้งาน</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>เปิดกรณีเด็กนอกระบบ: %1</source>
        <translation>Open an out-of-school case: %1</translation>
    </message>
    <message>
        <source>วันที่เปิดกรณี</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>ได้รับแจ้งจาก</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้ของเจ้าหน้าที่ผู้รับผิดชอบ (เว้นว่างได้)</source>
        <translation>The case worker's user name (may be left blank)</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>เช่น ใครแจ้ง เด็กออกจากโรงเรียนเมื่อใด</source>
        <translation>e.g. who reported it, when the child left school</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>เปิดกรณี</source>
        <translation>Open case</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>เปลี่ยนรหัสผ่านของ %1</source>
        <translation>Change the password of %1</translation>
    </message>
    <message>
        <source>รหัสผ่านเดิม</source>
        <translation>Current password</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>ตั้งรหัสผ่านใหม่ของ %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <source>แจ้งรหัสผ่านใหม่แก่เจ้าของบัญชีด้วยตัวเอง และให้เปลี่ยนเมื่อเข้าสู่ระบบ</source>
        <translation>Tell the account&apos;s owner the new password in person, and have them change it when they log in</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ยืนยันรหัสผ่าน</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>รหัสผ่านสองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน</source>
        <translation>The two passwords differ: type them again, the same</translation>
    </message>
</context>
<context>
    <name>PasswordRow</name>
    <message>
        <source>รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)</source>
        <translation>The password you sign in with (to open the office&apos;s keys)</translation>
    </message>
    <message>
        <source>รหัสผ่านของคุณ</source>
        <translation>Your password</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>บันทึกการจ่ายเงินทุน</source>
        <translation>Record a grant payment</translation>
    </message>
    <message>
        <source> และอีก %1 คน</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>จ่ายให้ %1 คน: %2
ยอดที่ยังค้างตามสิทธิ์รวม %3 บาท</source>
        <translation>Paying %1 children: %2
Still due to them: %3 baht</translation>
    </message>
    <message>
        <source>ว่างไว้: จ่ายตามสิทธิ์ที่เหลือของแต่ละคน</source>
        <translation>Blank: what is still due to each</translation>
    </message>
    <message>
        <source>เช่น 15/12/2569</source>
        <translation>e.g. 15/12/2569</translation>
    </message>
    <message>
        <source>เลขที่อ้างอิงการโอน หรือเลขที่ใบสำคัญรับเงิน</source>
        <translation>Transfer reference or receipt number</translation>
    </message>
    <message>
        <source>จำนวนเงินต่อคน (บาท)</source>
        <translation>Amount per child (baht)</translation>
    </message>
    <message>
        <source>วันที่จ่าย</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>วิธีจ่าย</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>เลขที่อ้างอิง</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>บันทึกการจ่ายเงิน</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>จำนวนเงินต้องเป็นจำนวนเต็มบาท (พิมพ์ "%1")</source>
        <translation>The amount must be whole baht (typed "%1")</translation>
    </message>
    <message>
        <source>อ่านวันที่จ่ายไม่ออก</source>
        <translation>The payment date cannot be read</translation>
    </message>
    <message>
        <source>ยืนยันการจ่ายเงิน</source>
        <translation>Confirm payment</translation>
    </message>
    <message>
        <source>บันทึกการจ่ายเงินให้ %1 คน รวม %2 บาท
วันที่ %3 วิธีจ่าย: %4

ยืนยันหรือไม่</source>
        <translation>Record a payment to %1 children, %2 baht in all
Date %3, method: %4

Confirm?</translation>
    </message>
    <message>
        <source>กำลังบันทึกการจ่ายเงิน…</source>
        <translation>Recording the payment…</translation>
    </message>
    <message>
        <source>กำลังตรวจรายการจ่ายเงิน…</source>
        <translation>Checking the payment…</translation>
    </message>
</context>
<context>
    <name>PaymentReturnDialog</name>
    <message>
        <source>บันทึกการคืนเงิน</source>
        <translation>Record a return</translation>
    </message>
    <message>
        <source>เหตุผลที่คืนเงิน เช่น ย้ายออกนอกพื้นที่ โอนไม่สำเร็จ</source>
        <translation>Why it was returned, e.g. moved away, transfer failed</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>ค้นหาชื่อเด็ก สถานศึกษา หรือเลขที่อ้างอิง (Ctrl+F)</source>
        <translation>Search child, school or reference (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดงทุกรายการ</source>
        <translation>Show every payment</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>School</translation>
    </message>
    <message>
        <source>จำนวนเงิน</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>วันที่จ่าย</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>วิธีจ่าย</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>เลขที่อ้างอิง</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ผู้บันทึก</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>บันทึกการคืนเงิน…</source>
        <translation>Record a return…</translation>
    </message>
    <message>
        <source>%1 รายการ · จ่ายแล้ว %2 บาท · คืนเงิน %3 รายการ %4 บาท</source>
        <translation>%1 payments · %2 baht paid · %3 returned (%4 baht)</translation>
    </message>
    <message>
        <source>%1 · %2 บาท · จ่ายวันที่ %3 (%4)</source>
        <translation>%1 · %2 baht · paid on %3 (%4)</translation>
    </message>
    <message>
        <source>บันทึกการคืนเงินแล้ว ยอดนี้กลับไปค้างจ่ายตามสิทธิ์</source>
        <translation>Return recorded: the amount is due again</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>ตัวอย่างก่อนพิมพ์ — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>จาก %1 หน้า</source>
        <translation>of %1 pages</translation>
    </message>
    <message>
        <source>ไม่พบโปรแกรมอ่าน PDF ในเครื่องนี้ จึงเปิดด้วยโปรแกรมอื่นไม่ได้ กด บันทึก PDF… เพื่อเก็บไฟล์ไว้ หรือ พิมพ์… จากหน้านี้ได้เลย</source>
        <translation>No PDF reader was found on this computer, so the file cannot be opened in another program. Use Save PDF… to keep the file, or Print… from this window.</translation>
    </message>
    <message>
        <source>บันทึก PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>เอกสาร PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ไม่สำเร็จ: %1</source>
        <translation>Could not save the file: %1</translation>
    </message>
    <message>
        <source>บันทึกไว้ที่ %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>กำลังส่งไปเครื่องพิมพ์…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เปิดเครื่องพิมพ์ไม่ได้</source>
        <translation>Cannot open the printer</translation>
    </message>
    <message>
        <source>ตัวอย่างก่อนพิมพ์</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>◀ หน้าก่อน</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>หน้าก่อน (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>ไปที่หน้า</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <source>หน้าถัดไป ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>หน้าถัดไป (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>ย่อ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>ย่อ (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>ขยาย</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>ขยาย (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>พอดีหน้าจอ</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>ย่อให้เห็นทั้งความกว้างของหน้า</source>
        <translation>Show the whole width of the page</translation>
    </message>
    <message>
        <source>เปิดด้วยโปรแกรมอื่น</source>
        <translation>Open in another program</translation>
    </message>
    <message>
        <source>เปิดไฟล์ PDF ด้วยโปรแกรมอ่าน PDF ของเครื่อง</source>
        <translation>Open the PDF in this computer&apos;s PDF reader</translation>
    </message>
    <message>
        <source>บันทึก PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>บันทึกเป็นไฟล์ PDF (Ctrl+S)</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์ออกเครื่องพิมพ์ (Ctrl+P)</source>
        <translation>Print on a printer (Ctrl+P)</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhotoThumbs</name>
    <message>
        <source>%1 (%2×%3 จุด)</source>
        <translation>%1 (%2×%3 pixels)</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <source>แผนการช่วยเหลือเด็กรายบุคคล (ฉบับร่าง)</source>
        <translation>Individual assistance plan (draft)</translation>
    </message>
    <message>
        <source>หนึ่งแถวต่อหนึ่งกิจกรรม แถวที่ติดกันซึ่งเป้าหมายเหมือนกันรวมเป็นเป้าหมายเดียว วันที่เป็น พ.ศ. งบประมาณเป็นบาท</source>
        <translation>One row per action; consecutive rows with the same goal make one goal. Dates in the Buddhist Era, budgets in baht</translation>
    </message>
    <message>
        <source>เป้าหมาย</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>ด้าน</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>กิจกรรม</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน</source>
        <translation>Agency's name</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>งบประมาณ (บาท)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <source>เพิ่มเป้าหมาย</source>
        <translation>Add a goal</translation>
    </message>
    <message>
        <source>เพิ่มกิจกรรมในเป้าหมายนี้</source>
        <translation>Add an action to this goal</translation>
    </message>
    <message>
        <source>ลบแถว</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>บันทึกของแผน</source>
        <translation>The plan's note</translation>
    </message>
    <message>
        <source>แถวที่ %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>แถวที่ %1: งบประมาณต้องเป็นตัวเลข (บาท)</source>
        <translation>Row %1: the budget must be a number (baht)</translation>
    </message>
    <message>
        <source>บันทึกร่างแผนฉบับที่ %1 แล้ว</source>
        <translation>Draft version %1 saved</translation>
    </message>
    <message>
        <source>ยกเลิกการแก้ไขแผน</source>
        <translation>Discard plan changes</translation>
    </message>
    <message>
        <source>แผนที่พิมพ์ไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?</source>
        <translation>The plan you typed is not saved yet. Discard these changes?</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>ฉบับ</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>ร่าง/แก้ไขแผน…</source>
        <translation>Draft or edit the plan…</translation>
    </message>
    <message>
        <source>เสนออนุมัติ</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>บันทึกผลกิจกรรม…</source>
        <translation>Record an outcome…</translation>
    </message>
    <message>
        <source>อนุมัติแผนฉบับนี้</source>
        <translation>Approve this version</translation>
    </message>
    <message>
        <source>ส่งกลับให้แก้ไข…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>ฉบับที่ %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
    <message>
        <source>เป้าหมาย</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>ด้าน</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>กิจกรรม</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>กำหนด</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>งบประมาณ (บาท)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>ยังไม่มีแผนช่วยเหลือ</source>
        <translation>No assistance plan yet</translation>
    </message>
    <message>
        <source>โดย %1 เมื่อ %2</source>
        <translation>by %1 on %2</translation>
    </message>
    <message>
        <source>พบการแก้ไขแผนที่อนุมัติแล้วนอกโปรแกรม</source>
        <translation>An approved plan was changed outside Samoe</translation>
    </message>
    <message>
        <source>งบประมาณรวม %1 บาท</source>
        <translation>Total budget %1 baht</translation>
    </message>
    <message>
        <source>เสนอแผนให้หัวหน้างานอนุมัติแล้ว</source>
        <translation>Plan submitted to the supervisor</translation>
    </message>
    <message>
        <source>อนุมัติแผนฉบับที่ %1 แล้ว</source>
        <translation>Version %1 approved</translation>
    </message>
    <message>
        <source>ส่งกลับให้แก้ไข</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>เหตุผลที่ส่งกลับ</source>
        <translation>Why it is returned</translation>
    </message>
    <message>
        <source>ส่งแผนกลับให้แก้ไขแล้ว</source>
        <translation>Plan returned for correction</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>แถว</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>คอลัมน์</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>ค่าในไฟล์</source>
        <translation>Value in file</translation>
    </message>
    <message>
        <source>ปัญหา</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>ข้อผิดพลาด</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>คำเตือน</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>ทั้งไฟล์</source>
        <translation>whole file</translation>
    </message>
</context>
<context>
    <name>ProvinceBundlesDialog</name>
    <message>
        <source>ชุดข้อมูลจาก %1</source>
        <translation>Bundles from %1</translation>
    </message>
    <message>
        <source>ชุดข้อมูลที่ได้รับจาก %1 (%2) ใหม่สุดก่อน</source>
        <translation>Bundles received from %1 (%2), newest first</translation>
    </message>
    <message>
        <source>ลำดับที่</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>สร้างเมื่อ</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>นำเข้าเมื่อ</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>ผู้นำเข้า</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>แถว</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>ผลการนำเข้า</source>
        <translation>What the import did</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>การลงทะเบียนเรียน</source>
        <translation>Enrolments</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>ลบถาวร</source>
        <translation>Deleted for good</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>added</translation>
    </message>
    <message>
        <source>ปรับปรุง</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>ไม่มีอะไรเปลี่ยน</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <source>กู้คืนฐานข้อมูลเมื่อ %1</source>
        <translation>Database restored on %1</translation>
    </message>
    <message>
        <source>ต่อจากชุดที่ %1</source>
        <translation>Continues from bundle %1</translation>
    </message>
</context>
<context>
    <name>ProvinceCasesView</name>
    <message>
        <source>อปท. / สถานะหรือผล</source>
        <translation>Municipality / status or outcome</translation>
    </message>
    <message>
        <source>เปิด
อยู่</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>เลย
กำหนด</source>
        <translation>Over
due</translation>
    </message>
    <message>
        <source>ปิด
แล้ว</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>กลับเข้าเรียน
หรือทำงาน</source>
        <translation>Back in school
or work</translation>
    </message>
    <message>
        <source>ปิดด้วย
เหตุอื่น</source>
        <translation>Closed
otherwise</translation>
    </message>
    <message>
        <source>กรณีที่ยังไม่ปิด (กรณี)</source>
        <translation>Cases not closed (cases)</translation>
    </message>
    <message>
        <source>กรณีที่เปิดอยู่ซึ่งวันนิเทศติดตามครั้งถัดไปผ่านไปแล้ว (ณ วันนี้)</source>
        <translation>Open cases whose next follow-up date has passed (as of today)</translation>
    </message>
    <message>
        <source>กรณีที่ปิดแล้ว (กรณี)</source>
        <translation>Closed cases (cases)</translation>
    </message>
    <message>
        <source>ปิดเพราะกลับเข้าเรียนในโรงเรียน เรียน กศน. ฝึกอาชีพ หรือทำงาน (กรณี)</source>
        <translation>Closed because the child went back to school, into non-formal education, vocational training or work (cases)</translation>
    </message>
    <message>
        <source>ปิดเพราะไม่พบตัว ย้ายออก เสียชีวิต ไม่ประสงค์รับความช่วยเหลือ และอื่น ๆ (กรณี)</source>
        <translation>Closed because the child was not found, moved away, died, declined help, and the like (cases)</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบการศึกษาราย อปท.</source>
        <translation>Out-of-school children's cases by municipality</translation>
    </message>
    <message>
        <source>ค้นหารหัสหรือชื่อ อปท. หรือสถานะ (Ctrl+F)</source>
        <translation>Search a municipality's code or name, or a status (Ctrl+F)</translation>
    </message>
    <message>
        <source>พิมพ์สรุปกรณีเด็กนอกระบบราย อปท. (Ctrl+P)</source>
        <translation>Print the out-of-school cases by municipality (Ctrl+P)</translation>
    </message>
    <message>
        <source>ยังไม่ได้รับข้อมูลจาก อปท. ใด (กรณีมากับชุดข้อมูลที่ อปท. ส่ง)</source>
        <translation>No data from any municipality yet (cases come with the bundles municipalities send)</translation>
    </message>
    <message>
        <source>เปิดอยู่: %1</source>
        <translation>Open: %1</translation>
    </message>
    <message>
        <source>ปิดแล้ว: %1</source>
        <translation>Closed: %1</translation>
    </message>
    <message>
        <source>รวมทั้งจังหวัด: เปิดอยู่ %1 กรณี · เลยกำหนดนิเทศติดตาม %2 · ปิดแล้ว %3 · กลับเข้าเรียนหรือทำงาน %4 · ปิดด้วยเหตุอื่น %5</source>
        <translation>Whole province: %1 open cases · follow-ups overdue %2 · closed %3 · back in school or work %4 · closed otherwise %5</translation>
    </message>
    <message>
        <source>ณ วันที่ %1 · อปท. %2 แห่ง · ใต้แต่ละ อปท.: กรณีที่เปิดอยู่ตามสถานะ และกรณีที่ปิดแล้วตามผล</source>
        <translation>As of %1 · %2 municipalities · under each municipality: open cases by status and closed cases by outcome</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบราย อปท.</source>
        <translation>Out-of-school cases by municipality</translation>
    </message>
</context>
<context>
    <name>ProvinceCentresView</name>
    <message>
        <source>พัฒนาการเด็กในศูนย์พัฒนาเด็กเล็กราย อปท.</source>
        <translation>Child development in the child development centres by municipality</translation>
    </message>
    <message>
        <source>ภาคเรียนที่มีข้อมูลศูนย์พัฒนาเด็กเล็กจาก อปท. (ล่าสุดก่อน)</source>
        <translation>Terms with centre data from the municipalities (latest first)</translation>
    </message>
    <message>
        <source>มาเรียนตั้งแต่</source>
        <translation>Attendance from</translation>
    </message>
    <message>
        <source>วว/ดด/ปปปป</source>
        <translation>dd/mm/yyyy (BE)</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>to</translation>
    </message>
    <message>
        <source>นับช่วงนี้</source>
        <translation>Count this period</translation>
    </message>
    <message>
        <source>นับการมาเรียนในช่วงวันที่ที่พิมพ์ (การเจริญเติบโตและ DSPM นับทั้งภาคเรียน)</source>
        <translation>Count attendance over the dates typed (growth and DSPM count the whole term)</translation>
    </message>
    <message>
        <source>ค้นหารหัสหรือชื่อ อปท. หรือศูนย์ (Ctrl+F)</source>
        <translation>Search a municipality's or centre's code or name (Ctrl+F)</translation>
    </message>
    <message>
        <source>อปท. / ศูนย์พัฒนาเด็กเล็ก</source>
        <translation>Municipality / child development centre</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ชั่ง/
วัด</source>
        <translation>Mea-
sured</translation>
    </message>
    <message>
        <source>ผอม</source>
        <translation>Wasted</translation>
    </message>
    <message>
        <source>เตี้ย</source>
        <translation>Stunted</translation>
    </message>
    <message>
        <source>อ้วน</source>
        <translation>Overweight</translation>
    </message>
    <message>
        <source>DSPM</source>
        <translation>DSPM</translation>
    </message>
    <message>
        <source>สงสัย
ล่าช้า</source>
        <translation>Suspected
delay</translation>
    </message>
    <message>
        <source>เลยนัด
ซ้ำ</source>
        <translation>Re-check
overdue</translation>
    </message>
    <message>
        <source>รอ
ส่งต่อ</source>
        <translation>Referral
waiting</translation>
    </message>
    <message>
        <source>มา
เรียน</source>
        <translation>Atten-
dance</translation>
    </message>
    <message>
        <source>เด็กที่ลงทะเบียนในศูนย์ ปีการศึกษาของภาคเรียนนี้ (คน)</source>
        <translation>Children enrolled at the centre in this term's academic year</translation>
    </message>
    <message>
        <source>เด็กที่ชั่งน้ำหนักหรือวัดส่วนสูงในภาคเรียนนี้ (คน)</source>
        <translation>Children weighed or measured in this term</translation>
    </message>
    <message>
        <source>น้ำหนักตามเกณฑ์ส่วนสูงต่ำกว่า −2 SD ครั้งล่าสุดในภาคเรียน (คน)</source>
        <translation>Weight-for-height below −2 SD at the term's latest measurement (children)</translation>
    </message>
    <message>
        <source>ส่วนสูงตามเกณฑ์อายุต่ำกว่า −2 SD ครั้งล่าสุดในภาคเรียน (คน)</source>
        <translation>Height-for-age below −2 SD at the term's latest measurement (children)</translation>
    </message>
    <message>
        <source>น้ำหนักตามเกณฑ์ส่วนสูงเกิน +2 SD: เริ่มอ้วนและอ้วน (คน)</source>
        <translation>Weight-for-height above +2 SD: overweight and obese (children)</translation>
    </message>
    <message>
        <source>เด็กที่ประเมินพัฒนาการครั้งแรกในภาคเรียนนี้ (คนต่อช่วงอายุ)</source>
        <translation>Children given a first development check in this term (per screening age)</translation>
    </message>
    <message>
        <source>ผลประเมินครั้งแรกสงสัยล่าช้า: ส่งเสริมแล้วประเมินซ้ำ หรือส่งต่อทันที</source>
        <translation>Suspected delay at the first check: stimulate and re-check, or referred at once</translation>
    </message>
    <message>
        <source>สงสัยล่าช้า ยังไม่ได้ประเมินซ้ำ และเลยวันนัดแล้ว (ณ วันนี้)</source>
        <translation>Suspected delay not re-checked, past its due date (as of today)</translation>
    </message>
    <message>
        <source>ส่งต่อประเมินด้วย TEDA4I แล้ว ยังไม่ได้รับผลจากโรงพยาบาล</source>
        <translation>Referred for TEDA4I, no outcome from the hospital yet</translation>
    </message>
    <message>
        <source>วันที่มาเรียนต่อวันที่บันทึกการมาเรียนในช่วงที่เลือก (%)</source>
        <translation>Days present of the days recorded in the chosen period (%)</translation>
    </message>
    <message>
        <source>พิมพ์สรุปของภาคเรียนนี้ (Ctrl+P)</source>
        <translation>Print this term's summary (Ctrl+P)</translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง: พิมพ์เป็น วว/ดด/ปปปป เช่น 01/11/2569</source>
        <translation>Not a date: type dd/mm/yyyy in the Buddhist Era, e.g. 01/11/2569</translation>
    </message>
    <message>
        <source>ยังไม่มีข้อมูลศูนย์พัฒนาเด็กเล็กจาก อปท. ใด (ข้อมูลมากับชุดข้อมูลที่ อปท. ส่ง)</source>
        <translation>No centre data from any municipality yet (it comes with the municipalities' bundles)</translation>
    </message>
    <message>
        <source>รวมทั้งจังหวัด: เด็ก %1 คน · ชั่ง/วัดแล้ว %2 · ผอม %3 · เตี้ย %4 · อ้วน %5 · ประเมิน DSPM %6 · สงสัยล่าช้า %7 · เลยนัดประเมินซ้ำ %8 · รอผลส่งต่อ %9 · มาเรียน %10</source>
        <translation>Whole province: %1 children · measured %2 · wasted %3 · stunted %4 · overweight %5 · DSPM checks %6 · suspected delay %7 · re-check overdue %8 · referral waiting %9 · attendance %10</translation>
    </message>
    <message>
        <source>ภาคเรียน %1 · อปท. %2 แห่ง · การมาเรียนนับวันที่ %3 ถึง %4 · ผอม เตี้ย อ้วน จากการชั่ง/วัดครั้งล่าสุดในภาคเรียน</source>
        <translation>Term %1 · %2 municipalities · attendance counted %3 to %4 · wasted, stunted, overweight from the term's latest measurement</translation>
    </message>
    <message>
        <source>ศูนย์พัฒนาเด็กเล็กราย อปท.</source>
        <translation>Child development centres by municipality</translation>
    </message>
    <message>
        <source>ภาคเรียน %1</source>
        <translation>Term %1</translation>
    </message>
</context>
<context>
    <name>ProvinceMode</name>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>อปท. ที่ส่งข้อมูล</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>เด็กเลขซ้ำข้าม อปท.</source>
        <translation>Duplicate IDs</translation>
    </message>
    <message>
        <source>คัดกรองและทุนราย อปท.</source>
        <translation>Screening and grants</translation>
    </message>
    <message>
        <source>ศูนย์พัฒนาเด็กเล็กราย อปท.</source>
        <translation>Child development centres by municipality</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบราย อปท.</source>
        <translation>Out-of-school cases by municipality</translation>
    </message>
</context>
<context>
    <name>ProvinceMunicipalitiesView</name>
    <message>
        <source>อปท. ที่ส่งข้อมูลถึงจังหวัด</source>
        <translation>Municipalities sending to the province</translation>
    </message>
    <message>
        <source>ค้นหารหัสหรือชื่อ อปท. (Ctrl+F)</source>
        <translation>Search a municipality by code or name (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดง อปท. ทั้งหมด</source>
        <translation>Show every municipality</translation>
    </message>
    <message>
        <source>เน้นที่ไม่ได้ส่งเกิน</source>
        <translation>Mark those silent for over</translation>
    </message>
    <message>
        <source> วัน</source>
        <translation> days</translation>
    </message>
    <message>
        <source>อปท. ที่ไม่ได้ส่งชุดข้อมูลนานกว่านี้ หรือยังไม่เคยส่ง จะแสดงเป็นสีและมีคำบอก</source>
        <translation>A municipality that has sent no bundle for longer than this, or never sent one, is shown in colour and says so</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>อปท.</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ชุดที่</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>ส่งเมื่อ</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>แถว</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>ได้รับ</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>ขาด</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>กู้คืน</source>
        <translation>Restores</translation>
    </message>
    <message>
        <source>รอตรวจ</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>รหัส อปท.</source>
        <translation>The municipality's code</translation>
    </message>
    <message>
        <source>ชื่อ อปท.</source>
        <translation>The municipality's name</translation>
    </message>
    <message>
        <source>ไม่ได้ส่งนานเกินกำหนด หรือยังไม่เคยส่ง</source>
        <translation>Silent for longer than the limit, or never sent</translation>
    </message>
    <message>
        <source>ลำดับที่ของชุดข้อมูลล่าสุดที่รับไว้</source>
        <translation>Sequence of the last bundle accepted</translation>
    </message>
    <message>
        <source>วันที่ อปท. สร้างชุดข้อมูลล่าสุด</source>
        <translation>When the municipality made its last bundle</translation>
    </message>
    <message>
        <source>จำนวนแถวในชุดข้อมูลล่าสุด</source>
        <translation>Rows in the last bundle</translation>
    </message>
    <message>
        <source>เด็กจาก อปท. นี้ในทะเบียนของจังหวัด (คน)</source>
        <translation>Children from this municipality in the province's registry</translation>
    </message>
    <message>
        <source>จำนวนชุดข้อมูลที่ได้รับ</source>
        <translation>Bundles received</translation>
    </message>
    <message>
        <source>ชุดที่ขาด: ลำดับที่ของชุดที่ไม่เคยได้รับ</source>
        <translation>Missing: sequences never received</translation>
    </message>
    <message>
        <source>จำนวนครั้งที่ อปท. กู้คืนฐานข้อมูลจากไฟล์สำรอง</source>
        <translation>Times the municipality restored its database from a backup</translation>
    </message>
    <message>
        <source>คู่เด็กเลขประจำตัวเดียวกันที่ยังรอตรวจสอบ</source>
        <translation>Pairs with the same national ID still to check</translation>
    </message>
    <message>
        <source>ชุดข้อมูลที่ได้รับ…</source>
        <translation>Bundles received…</translation>
    </message>
    <message>
        <source>ชุดข้อมูลทั้งหมดที่ได้รับจาก อปท. ที่เลือก (Enter หรือดับเบิลคลิก)</source>
        <translation>Every bundle received from the selected municipality (Enter or double-click)</translation>
    </message>
    <message>
        <source>สรุปราย อปท. (PDF)</source>
        <translation>Summary per municipality (PDF)</translation>
    </message>
    <message>
        <source>พิมพ์รายการ</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <source>พิมพ์รายการนี้ (Ctrl+P)</source>
        <translation>Print this list (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งออก Excel/CSV</source>
        <translation>Export Excel/CSV</translation>
    </message>
    <message>
        <source>หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้</source>
        <translation>This page is for provincial officers: this user has no role that may see this list</translation>
    </message>
    <message>
        <source>ยังไม่เคยส่ง</source>
        <translation>Never sent</translation>
    </message>
    <message>
        <source>ไม่ได้ส่ง %1 วัน</source>
        <translation>Nothing sent for %1 days</translation>
    </message>
    <message>
        <source>ปกติ</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>ส่งเมื่อ %1 · นำเข้าเมื่อ %2</source>
        <translation>Sent %1 · imported %2</translation>
    </message>
    <message>
        <source>ไม่ได้รับชุดที่ %1</source>
        <translation>Bundles never received: %1</translation>
    </message>
    <message>
        <source>รวม %1 แห่ง · ไม่ได้ส่งเกิน %2 วันหรือยังไม่เคยส่ง %3 แห่ง (แถวสีแดง)</source>
        <translation>%1 municipalities · silent for over %2 days or never sent: %3 (red rows)</translation>
    </message>
    <message>
        <source>ยังไม่ได้รับชุดข้อมูลจาก อปท. ใด และยังไม่ได้ลงทะเบียนบัตรกุญแจของ อปท. ใด</source>
        <translation>No bundle received from any municipality yet, and no municipality's key card enrolled</translation>
    </message>
    <message>
        <source>สรุปข้อมูลราย อปท.</source>
        <translation>Summary per municipality</translation>
    </message>
    <message>
        <source>ปีการศึกษา %1</source>
        <translation>Academic year %1</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อกรณี…</source>
        <translation>Case transfer file…</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบที่ อปท. อื่นส่งต่อให้ อปท. ที่เลือก: ดูว่ากรณีใดยังไม่ได้เขียนไฟล์ แล้วเขียนไฟล์ที่ลงนามให้นำเข้า</source>
        <translation>Out-of-school cases other local governments transferred to the selected one: see which are not yet written into a file, then write the signed file for it to import</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อกรณี (ใหม่ %1 จาก %2)…</source>
        <translation>Case transfer file (%1 new of %2)…</translation>
    </message>
</context>
<context>
    <name>ProvinceReconcileView</name>
    <message>
        <source>เด็กเลขประจำตัวเดียวกันจากหลาย อปท.</source>
        <translation>Children with the same national ID from two municipalities</translation>
    </message>
    <message>
        <source>ค้นหาเลขประจำตัว ชื่อ หรือ อปท. (Ctrl+F)</source>
        <translation>Search by ID, name or municipality (Ctrl+F)</translation>
    </message>
    <message>
        <source>ทุกคู่</source>
        <translation>Every pair</translation>
    </message>
    <message>
        <source>รอตรวจสอบ</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>ตรวจแล้ว</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>แสดงทุกคู่</source>
        <translation>Show every pair</translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน</source>
        <translation>National ID</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>อปท. ที่ส่งเข้ามาใหม่</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <source>ชื่อ (เข้ามาใหม่)</source>
        <translation>Name (new record)</translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>อปท. ที่มีอยู่แล้ว</source>
        <translation>Already from</translation>
    </message>
    <message>
        <source>ชื่อ (มีอยู่แล้ว)</source>
        <translation>Name (record here)</translation>
    </message>
    <message>
        <source>พบเมื่อ</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ผลการตรวจสอบคู่ที่เลือก</source>
        <translation>Decision on the selected pair</translation>
    </message>
    <message>
        <source>ย้าย อปท. (&amp;1)</source>
        <translation>Moved (&amp;1)</translation>
    </message>
    <message>
        <source>ข้อมูลผิด (&amp;2)</source>
        <translation>Error (&amp;2)</translation>
    </message>
    <message>
        <source>คงไว้ทั้งสอง (&amp;3)</source>
        <translation>Keep both (&amp;3)</translation>
    </message>
    <message>
        <source>เด็กย้ายจาก อปท. หนึ่งไปอีกแห่ง</source>
        <translation>The child moved from one municipality to the other</translation>
    </message>
    <message>
        <source>รายการหนึ่งบันทึกเลขประจำตัวผิด</source>
        <translation>One record has a wrong national ID</translation>
    </message>
    <message>
        <source>เป็นเด็กคนเดียวกัน คงไว้ทั้งสองรายการ</source>
        <translation>The same child: keep both records</translation>
    </message>
    <message>
        <source>หมายเหตุ:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>เช่น ย้ายไปอยู่กับยาย (Enter บันทึก)</source>
        <translation>e.g. moved in with the grandmother (Enter saves)</translation>
    </message>
    <message>
        <source>บันทึกผล</source>
        <translation>Save decision</translation>
    </message>
    <message>
        <source>บันทึกผลของคู่ที่เลือก (Ctrl+S)</source>
        <translation>Save the decision on the selected pair (Ctrl+S)</translation>
    </message>
    <message>
        <source>ในตาราง: กด 1 ย้าย · 2 ข้อมูลผิด · 3 คงไว้ทั้งสอง แล้วพิมพ์หมายเหตุและกด Enter คู่ที่ตรวจแล้วจะย้ายไปอยู่ท้ายรายการ</source>
        <translation>In the table: press 1 moved · 2 error · 3 keep both, then type a note and press Enter; decided pairs move to the end of the list</translation>
    </message>
    <message>
        <source>พิมพ์รายการ</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <source>พิมพ์รายการนี้ (Ctrl+P)</source>
        <translation>Print this list (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งออก Excel/CSV</source>
        <translation>Export Excel/CSV</translation>
    </message>
    <message>
        <source>หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้</source>
        <translation>This page is for provincial officers: this user has no role that may see this list</translation>
    </message>
    <message>
        <source>ย้าย</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>ข้อมูลผิด</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>คงไว้ทั้งสอง</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <source>(ไม่มีรายการนี้แล้ว)</source>
        <translation>(record gone)</translation>
    </message>
    <message>
        <source>ตรวจโดย %1 เมื่อ %2</source>
        <translation>Decided by %1 on %2</translation>
    </message>
    <message>
        <source>รอตรวจสอบ %1 คู่ · ตรวจแล้ว %2 คู่</source>
        <translation>Pairs to check: %1 · decided: %2</translation>
    </message>
    <message>
        <source>คู่ที่เลือก %1: %2 (%3) กับ %4 (%5)</source>
        <translation>Selected pair %1: %2 (%3) and %4 (%5)</translation>
    </message>
    <message>
        <source>เลือกผลก่อน: 1 ย้าย · 2 ข้อมูลผิด · 3 คงไว้ทั้งสอง</source>
        <translation>Choose a decision first: 1 moved · 2 error · 3 keep both</translation>
    </message>
    <message>
        <source>บันทึกผลของเลข %1: %2</source>
        <translation>Decision saved for %1: %2</translation>
    </message>
</context>
<context>
    <name>ProvinceScreeningView</name>
    <message>
        <source>การคัดกรองความยากจนและทุนเสมอภาคราย อปท.</source>
        <translation>Poverty screening and equity grants by municipality</translation>
    </message>
    <message>
        <source>ภาคเรียนที่มีผลคัดกรองจาก อปท. (ล่าสุดก่อน)</source>
        <translation>Terms with screenings from the municipalities (latest first)</translation>
    </message>
    <message>
        <source>ค้นหารหัสหรือชื่อ อปท. หรือสถานศึกษา (Ctrl+F)</source>
        <translation>Search a municipality's code or name, or a school (Ctrl+F)</translation>
    </message>
    <message>
        <source>อปท. / สถานศึกษา</source>
        <translation>Municipality / school</translation>
    </message>
    <message>
        <source>คัดกรอง</source>
        <translation>Screened</translation>
    </message>
    <message>
        <source>ยากจน</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>ยากจน
พิเศษ</source>
        <translation>Extremely
poor</translation>
    </message>
    <message>
        <source>รับรอง
แล้ว</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>มีสิทธิ์
(คน)</source>
        <translation>Eligible
(children)</translation>
    </message>
    <message>
        <source>มีสิทธิ์
(บาท)</source>
        <translation>Eligible
(baht)</translation>
    </message>
    <message>
        <source>จ่ายแล้ว
(คน)</source>
        <translation>Paid
(children)</translation>
    </message>
    <message>
        <source>จ่ายแล้ว
(บาท)</source>
        <translation>Paid
(baht)</translation>
    </message>
    <message>
        <source>เด็กที่คัดกรองในภาคเรียนนี้ (คน)</source>
        <translation>Children screened this term</translation>
    </message>
    <message>
        <source>ผลคัดกรอง ยากจน (คน)</source>
        <translation>Screened as poor (children)</translation>
    </message>
    <message>
        <source>ผลคัดกรอง ยากจนพิเศษ (คน)</source>
        <translation>Screened as extremely poor (children)</translation>
    </message>
    <message>
        <source>แบบคัดกรองที่รับรองแล้ว (คน)</source>
        <translation>Certified screenings (children)</translation>
    </message>
    <message>
        <source>เด็กที่มีสิทธิ์ในรอบทุนของภาคเรียนนี้อย่างน้อยหนึ่งรอบ (คน)</source>
        <translation>Children eligible in at least one of this term's grant rounds</translation>
    </message>
    <message>
        <source>เงินที่รอบทุนของภาคเรียนนี้จะจ่ายให้เด็กที่มีสิทธิ์ (บาท)</source>
        <translation>What this term's grant rounds would pay the eligible children (baht)</translation>
    </message>
    <message>
        <source>เด็กที่ได้รับเงินแล้ว (คน)</source>
        <translation>Children paid</translation>
    </message>
    <message>
        <source>เงินที่จ่ายแล้ว (บาท)</source>
        <translation>Amount paid (baht)</translation>
    </message>
    <message>
        <source>พิมพ์สรุปของภาคเรียนนี้ (Ctrl+P)</source>
        <translation>Print this term's summary (Ctrl+P)</translation>
    </message>
    <message>
        <source>คัดกรองและทุนราย อปท.</source>
        <translation>Screening and grants by municipality</translation>
    </message>
    <message>
        <source>ยังไม่มีผลการคัดกรองจาก อปท. ใด (ผลคัดกรองมากับชุดข้อมูลที่ อปท. ส่ง)</source>
        <translation>No screenings from any municipality yet (screenings come in the municipalities' bundles)</translation>
    </message>
    <message>
        <source>รวมทั้งจังหวัด</source>
        <translation>Province total</translation>
    </message>
    <message>
        <source>ภาคเรียน %1</source>
        <translation>Term %1</translation>
    </message>
    <message>
        <source>ภาคเรียน %1 · อปท. %2 แห่ง · คัดกรอง %3 คน · รับรองแล้ว %4 คน · มีสิทธิ์ %5 คน · จ่ายแล้ว %6 คน %7 บาท</source>
        <translation>Term %1 · %2 municipalities · %3 screened · %4 certified · %5 eligible · %6 paid, %7 baht</translation>
    </message>
</context>
<context>
    <name>ProvinceTablePage</name>
    <message>
        <source>ภาคเรียน</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>พิมพ์ (PDF)</source>
        <translation>Print (PDF)</translation>
    </message>
    <message>
        <source>ส่งออก Excel/CSV</source>
        <translation>Export Excel/CSV</translation>
    </message>
    <message>
        <source>หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้</source>
        <translation>This page is for provincial officers: this user has no role that may see it</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>อัตราค่าอาหารกลางวันและอาหารเสริม (นม)</source>
        <translation>Lunch and milk rates</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>ใช้ตั้งแต่</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>บาท/คน/วัน</source>
        <translation>Baht/child/day</translation>
    </message>
    <message>
        <source>ตรวจแล้ว</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>ที่มา</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>เช่น 1/10/2569</source>
        <translation>e.g. 1/10/2569</translation>
    </message>
    <message>
        <source>เช่น 21.00</source>
        <translation>e.g. 21.00</translation>
    </message>
    <message>
        <source>เลขที่หนังสือสั่งการ</source>
        <translation>The DLA letter's number</translation>
    </message>
    <message>
        <source>ตรวจกับหนังสือสั่งการแล้ว</source>
        <translation>Checked against the DLA's letter</translation>
    </message>
    <message>
        <source>บาทต่อคนต่อวัน</source>
        <translation>Baht per child per day</translation>
    </message>
    <message>
        <source>บันทึกอัตรา</source>
        <translation>Save rate</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ยังไม่ได้บันทึกอัตราของหน่วยงาน: ใช้อัตราที่มากับโปรแกรมซึ่งยังไม่ได้ตรวจสอบกับหนังสือสั่งการของกรมส่งเสริมการปกครองท้องถิ่น</source>
        <translation>The office has recorded no rates yet: the rates shipped with the program are used, not checked against the DLA's letters</translation>
    </message>
    <message>
        <source>อัตราของหน่วยงาน วันใดใช้อัตราที่เริ่มใช้ล่าสุดก่อนหรือในวันนั้น</source>
        <translation>The office's rates: each day uses the latest rate in force on or before it</translation>
    </message>
    <message>
        <source>ใช่</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตรวจ</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>อัตราต้องเป็นจำนวนเงินบาท เช่น 21 หรือ 7.82</source>
        <translation>The rate must be a sum in baht, e.g. 21 or 7.82</translation>
    </message>
</context>
<context>
    <name>ReceiptImport</name>
    <message>
        <source>เลือกใบตอบรับหรือไฟล์ส่งต่อกรณีจากจังหวัด</source>
        <translation>Choose the receipt or case transfer file from the province</translation>
    </message>
    <message>
        <source>ใบตอบรับหรือไฟล์ส่งต่อกรณี (*.samoe-receipt *.samoe-transfer);;ทุกไฟล์ (*)</source>
        <translation>Receipts or case transfer files (*.samoe-receipt *.samoe-transfer);;All files (*)</translation>
    </message>
    <message>
        <source>นำเข้าใบตอบรับไม่สำเร็จ</source>
        <translation>The receipt was not imported</translation>
    </message>
    <message>
        <source>บันทึกใบตอบรับนี้ (หรือฉบับที่ใหม่กว่า) ไว้แล้ว: จังหวัดรับถึงลำดับที่ %1 ไม่มีอะไรเปลี่ยน</source>
        <translation>This receipt (or a newer one) was recorded before: the province has received up to number %1. Nothing changed.</translation>
    </message>
    <message>
        <source>บันทึกใบตอบรับแล้ว: จังหวัด (%1) รับชุดข้อมูลถึงลำดับที่ %2 การส่งครั้งต่อไปจะส่งเฉพาะที่เปลี่ยนหลังจากนั้น</source>
        <translation>Receipt recorded: the province (%1) has received bundles up to number %2. The next export sends only what changed after that.</translation>
    </message>
    <message>
        <source>ใบตอบรับนี้ใหม่กว่าฐานข้อมูลนี้ (กู้คืนจากไฟล์สำรอง): ชุดต่อไปจะส่งข้อมูลทั้งหมดและแจ้งจังหวัด</source>
        <translation>This receipt is newer than this database (restored from a backup): the next bundle sends all data and tells the province.</translation>
    </message>
    <message>
        <source>นำเข้าใบตอบรับ</source>
        <translation>Import a receipt</translation>
    </message>
    <message>
        <source>รับโอนกรณีจากจังหวัด</source>
        <translation>Receive cases from the province</translation>
    </message>
    <message>
        <source>รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)</source>
        <translation>The password you sign in with (to open the office's keys)</translation>
    </message>
    <message>
        <source>รับโอนกรณีไม่สำเร็จ</source>
        <translation>The cases were not received</translation>
    </message>
    <message>
        <source>กรณีเลขที่ %1 %2 รับโอนจาก %3</source>
        <translation>Case no. %1 %2 received from %3</translation>
    </message>
    <message>
        <source> (รับไว้แล้ว ไม่มีอะไรเปลี่ยน)</source>
        <translation> (received before: nothing changed)</translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <source>สถานศึกษา</source>
        <translation>School</translation>
    </message>
    <message>
        <source>มีสิทธิ์
(คน)</source>
        <translation>Eligible
(children)</translation>
    </message>
    <message>
        <source>เงินที่มีสิทธิ์
(บาท)</source>
        <translation>Eligible
(baht)</translation>
    </message>
    <message>
        <source>รอ
(คน)</source>
        <translation>Held
(children)</translation>
    </message>
    <message>
        <source>เงินที่รอ
(บาท)</source>
        <translation>Held
(baht)</translation>
    </message>
    <message>
        <source>จ่ายแล้ว
(คน)</source>
        <translation>Paid
(children)</translation>
    </message>
    <message>
        <source>จ่ายแล้ว
(บาท)</source>
        <translation>Paid
(baht)</translation>
    </message>
    <message>
        <source>คืนเงิน
(รายการ)</source>
        <translation>Returned
(payments)</translation>
    </message>
    <message>
        <source>คืนเงิน
(บาท)</source>
        <translation>Returned
(baht)</translation>
    </message>
    <message>
        <source>ยังจ่ายไม่ครบ
(คน)</source>
        <translation>Not paid in full
(children)</translation>
    </message>
    <message>
        <source>มีสิทธิ์ %1 คน รวม %2 บาท · จ่ายแล้ว %3 คน รวม %4 บาท · รอ %5 คน · คืนเงิน %6 รายการ รวม %7 บาท · ยังจ่ายไม่ครบ %8 คน</source>
        <translation>Eligible %1 (%2 baht) · paid %3 (%4 baht) · held %5 · returned %6 (%7 baht) · not paid in full %8</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>รหัสกู้คืนของฐานข้อมูล</source>
        <translation>Recovery key of the database</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้เข้ารหัสแล้ว รหัสกู้คืนของฐานข้อมูล:</source>
        <translation>This database is encrypted. Its recovery key:</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์รหัสกู้คืนหนึ่งหน้า เก็บในตู้นิรภัยของสำนักงาน</source>
        <translation>Print the recovery key on one page for the office safe</translation>
    </message>
    <message>
        <source>บันทึก PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>สร้างไฟล์รหัสกู้คืนไม่สำเร็จ: %1</source>
        <translation>Could not make the recovery key file: %1</translation>
    </message>
    <message>
        <source>รหัสกู้คืน</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>รหัสกู้คืน-%1.pdf</source>
        <translation>recovery-key-%1.pdf</translation>
    </message>
    <message>
        <source>บันทึก PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>เอกสาร PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <source>ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน</source>
        <translation>Forgot password: set a new one with the recovery key</translation>
    </message>
    <message>
        <source>พิมพ์รหัสกู้คืนจากแผ่นที่เก็บไว้ในตู้นิรภัยของสำนักงาน (13 กลุ่ม) เพื่อตั้งรหัสผ่านใหม่ให้ผู้ดูแลระบบ ผู้ใช้อื่นที่ลืมรหัสผ่าน ให้ผู้ดูแลระบบตั้งรหัสผ่านให้ที่หน้าผู้ใช้</source>
        <translation>Type the recovery key from the sheet kept in the office safe (13 groups) to set a new password for an administrator. Other users who forgot their password ask an administrator to set it on the users page</translation>
    </message>
    <message>
        <source>รหัสกู้คืน</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>ชื่อผู้ดูแลระบบ</source>
        <translation>Administrator's user name</translation>
    </message>
    <message>
        <source>รหัสผ่านใหม่</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>ยืนยันรหัสผ่านใหม่</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่และเข้าสู่ระบบ</source>
        <translation>Set the new password and log in</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>พิมพ์รหัสกู้คืนจากแผ่นที่เก็บไว้ในตู้นิรภัย</source>
        <translation>Type the recovery key from the sheet kept in the safe</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อผู้ใช้ของผู้ดูแลระบบที่ลืมรหัสผ่าน</source>
        <translation>Type the user name of the administrator who forgot the password</translation>
    </message>
    <message>
        <source>รหัสผ่านใหม่สองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน</source>
        <translation>The two new passwords differ: type the same one twice</translation>
    </message>
</context>
<context>
    <name>ReferralTab</name>
    <message>
        <source>คำตอบของหน่วยงาน</source>
        <translation>The agency's answer</translation>
    </message>
    <message>
        <source>บันทึกสถานะการส่งต่อ</source>
        <translation>Save the referral's status</translation>
    </message>
    <message>
        <source>พิมพ์หนังสือส่งต่อ…</source>
        <translation>Print the referral letter…</translation>
    </message>
    <message>
        <source>เลขที่หนังสือ</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>ส่งต่อ</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>ส่งเมื่อ</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>เหตุที่ส่งต่อ</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>คำตอบ</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>บันทึกการส่งต่อแล้ว</source>
        <translation>Referral recorded</translation>
    </message>
    <message>
        <source>บันทึกสถานะการส่งต่อแล้ว</source>
        <translation>Referral status saved</translation>
    </message>
    <message>
        <source>หนังสือส่งต่อ</source>
        <translation>Referral letter</translation>
    </message>
    <message>
        <source>หนังสือส่งต่อ-%1</source>
        <translation>referral-%1</translation>
    </message>
    <message>
        <source>สถานะของการส่งต่อที่เลือกในตาราง</source>
        <translation>Status of the referral selected in the table</translation>
    </message>
    <message>
        <source>เปลี่ยนเป็น</source>
        <translation>Change to</translation>
    </message>
    <message>
        <source>บันทึกสถานะ</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>ส่งต่อหน่วยงานใหม่</source>
        <translation>Refer to a new agency</translation>
    </message>
    <message>
        <source>— เลือก —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>ตามที่จะพิมพ์ในหนังสือ</source>
        <translation>As the letter will print it</translation>
    </message>
    <message>
        <source>เด็กต้องการอะไรจากหน่วยงาน</source>
        <translation>What the child needs from the agency</translation>
    </message>
    <message>
        <source>ประเภทหน่วยงาน</source>
        <translation>Agency kind</translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>วันที่ส่ง</source>
        <translation>Sent on</translation>
    </message>
</context>
<context>
    <name>RekeyOffer</name>
    <message>
        <source>เปลี่ยนกุญแจฐานข้อมูล</source>
        <translation>Change the database key</translation>
    </message>
    <message>
        <source>ไฟล์กุญแจที่คัดลอกไว้ก่อนระงับ %1 ยังเปิดฐานข้อมูลนี้ได้ด้วยรหัสผ่านเดิมของเขา เปลี่ยนกุญแจของฐานข้อมูลเดี๋ยวนี้?</source>
        <translation>A key file copied before %1 was suspended still opens this database with their old password. Change the database's key now?</translation>
    </message>
    <message>
        <source>เปลี่ยนกุญแจ</source>
        <translation>Change the key</translation>
    </message>
    <message>
        <source>ไว้ทีหลัง</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>กำลังเปลี่ยนกุญแจของฐานข้อมูล รอให้เสร็จก่อน</source>
        <translation>The database's key is being changed; wait until it is done</translation>
    </message>
    <message>
        <source>เปลี่ยนกุญแจของฐานข้อมูลแล้ว (%1 วินาที) ไฟล์กุญแจที่คัดลอกไว้ก่อนหน้านี้เปิดฐานข้อมูลนี้ไม่ได้อีก ไฟล์สำรองที่ทำก่อนหน้านี้ยังเปิดได้ด้วยกุญแจเดิม ลบไฟล์สำรองเก่าที่ไม่ต้องการแล้ว</source>
        <translation>The database's key was changed (%1 seconds). Key files copied before no longer open this database. Backups made before still open with the old key: delete old backups you no longer need.</translation>
    </message>
    <message>
        <source>ผู้ใช้ที่ต้องตั้งรหัสผ่านใหม่ให้ก่อนเข้าสู่ระบบ: %1</source>
        <translation>Users who need a new password before they can log in: %1</translation>
    </message>
    <message>
        <source>เปลี่ยนกุญแจไม่สำเร็จ ฐานข้อมูลและไฟล์กุญแจยังเป็นแบบเดิม

%1</source>
        <translation>The key could not be changed. The database and its key file are as they were.

%1</translation>
    </message>
    <message>
        <source>กำลังเปลี่ยนกุญแจฐานข้อมูล…</source>
        <translation>Changing the database key…</translation>
    </message>
</context>
<context>
    <name>ReportOptions</name>
    <message>
        <source>พิมพ์รายงาน</source>
        <translation>Print a report</translation>
    </message>
    <message>
        <source>แนวกระดาษ A4</source>
        <translation>A4 orientation</translation>
    </message>
    <message>
        <source>แนวตั้ง</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>แนวนอน</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>ช่องลงชื่อท้ายรายงาน</source>
        <translation>Signature lines at the end</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล (เว้นว่างได้)</source>
        <translation>Name (may be left blank)</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>ผู้จัดทำ</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>เช่น นักวิชาการศึกษา</source>
        <translation>e.g. education officer</translation>
    </message>
    <message>
        <source>ผู้รับรอง</source>
        <translation>Certified by</translation>
    </message>
    <message>
        <source>เช่น ผู้อำนวยการกองการศึกษา</source>
        <translation>e.g. director of the education division</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>สร้างรายงาน</source>
        <translation>Make report</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>ส่งกลับให้ครูแก้ไข</source>
        <translation>Return to the teacher for correction</translation>
    </message>
    <message>
        <source>ส่งแบบคัดกรองของ %1 กลับให้ครูแก้ไข โปรดระบุสิ่งที่ต้องแก้</source>
        <translation>Return the screening of %1 to the teacher for correction. Say what must be corrected.</translation>
    </message>
    <message>
        <source>ส่งกลับ</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RoleChecks</name>
    <message>
        <source>บทบาท</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>(ไม่จำกัด)</source>
        <translation>(any)</translation>
    </message>
    <message>
        <source>ต้องมีสิทธิ์ดูข้อมูลทะเบียนจึงจะเลือกสถานศึกษาได้</source>
        <translation>Choosing a school needs the right to see the registry</translation>
    </message>
    <message>
        <source>สถานศึกษาของครู / ศพด. ของผู้ดูแลเด็ก</source>
        <translation>A teacher&apos;s school / a caregiver&apos;s centre</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>บทบาทของ %1</source>
        <translation>Roles of %1</translation>
    </message>
</context>
<context>
    <name>RulePackDialog</name>
    <message>
        <source>ชุดเกณฑ์คัดกรอง</source>
        <translation>Screening rule packs</translation>
    </message>
    <message>
        <source>ชุดเกณฑ์กำหนดเส้นรายได้ คะแนนของแต่ละคำตอบ และช่วงคะแนนของยากจนและยากจนพิเศษ ชุดใหม่ต้องเป็นไฟล์ที่สำนักงานจังหวัดลงนามแล้ว ติดตั้งแล้วยังไม่ใช้จนกว่าจะยืนยันคิดผลใหม่</source>
        <translation>A rule pack sets the income threshold, each answer&apos;s points and the score bands for poor and extremely poor. A new pack must be a file signed by the provincial office; once installed it is not used until a re-score is confirmed.</translation>
    </message>
    <message>
        <source>ชุดเกณฑ์</source>
        <translation>Pack</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ที่มา</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>ติดตั้งเมื่อ</source>
        <translation>Installed</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>ติดตั้งจากไฟล์…</source>
        <translation>Install from a file…</translation>
    </message>
    <message>
        <source>ดูผลถ้าใช้ชุดนี้…</source>
        <translation>Preview with this pack…</translation>
    </message>
    <message>
        <source>ผลถ้าคิดใหม่ด้วยชุดนี้</source>
        <translation>Results if re-scored with this pack</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ผลเดิม</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>ผลใหม่</source>
        <translation>New</translation>
    </message>
    <message>
        <source>ยังไม่ใช้ชุดนี้</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ใช้อยู่</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>ไม่ได้ใช้</source>
        <translation>Not in use</translation>
    </message>
    <message>
        <source>ชุดตัวอย่าง ไม่ใช่เกณฑ์จริง</source>
        <translation>illustrative, not real rules</translation>
    </message>
    <message>
        <source>ลงนามโดยสำนักงาน %1</source>
        <translation>Signed by office %1</translation>
    </message>
    <message>
        <source>มากับโปรแกรม</source>
        <translation>Shipped with the program</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ไม่มีอะไรเปลี่ยน</source>
        <translation>Cancelled; nothing changed</translation>
    </message>
    <message>
        <source>เลือกไฟล์ชุดเกณฑ์ที่จังหวัดลงนาม</source>
        <translation>Choose the rule pack file the province signed</translation>
    </message>
    <message>
        <source>ชุดเกณฑ์ที่ลงนามแล้ว (*.samoe-rulepack);;ทุกไฟล์ (*)</source>
        <translation>Signed rule packs (*.samoe-rulepack);;All files (*)</translation>
    </message>
    <message>
        <source>ติดตั้งชุดเกณฑ์ %1 แล้ว (ยังไม่ได้ใช้) ดูผลที่จะเปลี่ยนด้านล่างก่อนยืนยัน</source>
        <translation>Rule pack %1 installed (not in use yet). Check the changes below before confirming.</translation>
    </message>
    <message>
        <source>ติดตั้งชุดเกณฑ์ %1 แล้ว</source>
        <translation>Rule pack %1 installed</translation>
    </message>
    <message>
        <source>กำลังตรวจลายมือชื่อและติดตั้งชุดเกณฑ์…</source>
        <translation>Checking the signature and installing the rule pack…</translation>
    </message>
    <message>
        <source>กำลังคิดผลตัวอย่างด้วยชุดเกณฑ์ %1…</source>
        <translation>Scoring a preview with rule pack %1…</translation>
    </message>
    <message>
        <source>ผลถ้าคิดใหม่ด้วยชุดเกณฑ์ %1</source>
        <translation>Results if re-scored with rule pack %1</translation>
    </message>
    <message>
        <source>ผลคัดกรองจะเปลี่ยน %1 แบบ (ยากจนหรือยากจนพิเศษ %2 แบบ) ยังไม่มีอะไรเปลี่ยนจนกว่าจะกดยืนยัน</source>
        <translation>%1 screenings would change class (%2 to poor or extremely poor). Nothing changes until you confirm.</translation>
    </message>
    <message>
        <source>ไม่มีแบบคัดกรองใดเปลี่ยนผล ใช้ชุดนี้แล้วทุกแบบจะบันทึกว่าคิดด้วยชุดนี้</source>
        <translation>No screening changes class; using this pack records it on every screening.</translation>
    </message>
    <message>
        <source>ใช้ชุดนี้และคิดผลใหม่ (%1 แบบเปลี่ยน)</source>
        <translation>Use this pack and re-score (%1 change)</translation>
    </message>
    <message>
        <source>ใช้ชุดเกณฑ์ %1 แล้ว คิดผลใหม่ทุกแบบ เปลี่ยน %2 แบบ</source>
        <translation>Rule pack %1 is in force; every screening re-scored, %2 changed</translation>
    </message>
    <message>
        <source>กำลังคิดผลคัดกรองใหม่ด้วยชุดเกณฑ์ %1…</source>
        <translation>Re-scoring the screenings with rule pack %1…</translation>
    </message>
    <message>
        <source>ไม่รับไฟล์ชุดเกณฑ์นี้: %1</source>
        <translation>This rule pack file is refused: %1</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>Samoe — ล็อกหน้าจออยู่</source>
        <translation>Samoe — locked</translation>
    </message>
    <message>
        <source>Samoe ล็อกหน้าจออยู่
ใส่รหัสผ่านเพื่อใช้งานต่อ</source>
        <translation>Samoe is locked
Enter the password to go on</translation>
    </message>
</context>
<context>
    <name>ScreeningChildPicker</name>
    <message>
        <source>คัดกรองเด็กคนใหม่: เลือกเด็ก</source>
        <translation>New screening: choose a child</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อหรือนามสกุลของเด็ก แล้วกด Enter</source>
        <translation>Type the child&apos;s first or last name, then press Enter</translation>
    </message>
    <message>
        <source>ภาคเรียน</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>ค้นหาเด็ก</source>
        <translation>Find a child</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ชั้น/สถานศึกษา</source>
        <translation>Class/institution</translation>
    </message>
    <message>
        <source>การคัดกรองภาคเรียนนี้</source>
        <translation>Screening this term</translation>
    </message>
    <message>
        <source>กรอกแบบคัดกรอง</source>
        <translation>Fill in the screening</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ยังไม่มีภาคเรียนในทะเบียน โปรดเพิ่มปีการศึกษาก่อน</source>
        <translation>The registry has no term yet. Add an academic year first.</translation>
    </message>
    <message>
        <source>พบ %1 คน (แสดงไม่เกิน 50 คน พิมพ์ชื่อเพื่อให้แคบลง)</source>
        <translation>%1 found (at most 50 shown; type a name to narrow it down)</translation>
    </message>
    <message>
        <source>ไม่พบเด็กที่ตรงกันในภาคเรียนนี้</source>
        <translation>No matching child in this term</translation>
    </message>
</context>
<context>
    <name>ScreeningFormDialog</name>
    <message>
        <source>ยกเลิกการแก้ไข</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>ข้อมูลที่กรอกหรือแก้ไขไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?</source>
        <translation>What you entered or changed is not saved yet. Discard these changes?</translation>
    </message>
    <message>
        <source>แบบคัดกรองความยากจน: %1</source>
        <translation>Poverty screening: %1</translation>
    </message>
    <message>
        <source>ภาคเรียน %1</source>
        <translation>Term %1</translation>
    </message>
    <message>
        <source>สถานะ: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>ยังไม่ได้บันทึก</source>
        <translation>not saved yet</translation>
    </message>
    <message>
        <source>รับรองโดย %1 ตำแหน่ง %2 เมื่อ %3</source>
        <translation>Certified by %1, %2, on %3</translation>
    </message>
    <message>
        <source>แก้ไขข้อมูลในแบบนี้แล้วบันทึก การรับรองจะถูกยกเลิกและต้องส่งให้รับรองใหม่</source>
        <translation>Editing and saving this form voids the certification; it must then be submitted again.</translation>
    </message>
    <message>
        <source>ส่งกลับให้แก้ไข: %1</source>
        <translation>Returned for correction: %1</translation>
    </message>
    <message>
        <source>การรับรองของ %1 (%2) ถูกยกเลิกแล้ว เพราะมีการแก้ไขข้อมูลหลังรับรอง: %3 ต้องส่งให้รับรองใหม่</source>
        <translation>The certification by %1 (%2) was voided because the data were edited after it: %3. Submit it for certification again.</translation>
    </message>
    <message>
        <source>เปิดดูเพื่อรับรองหรือส่งกลับ ผู้รับรองแก้ไขข้อมูลในแบบนี้ไม่ได้</source>
        <translation>Opened to certify or return it; a certifier cannot edit the form.</translation>
    </message>
    <message>
        <source>รูปบ้านภายนอก</source>
        <translation>House outside</translation>
    </message>
    <message>
        <source>รูปบ้านภายใน</source>
        <translation>House inside</translation>
    </message>
    <message>
        <source>รูปเด็กกับป้ายโรงเรียน</source>
        <translation>Child at the school sign</translation>
    </message>
    <message>
        <source>รูปที่มีแล้ว: %1</source>
        <translation>Photos so far: %1</translation>
    </message>
    <message>
        <source>ยังไม่มีรูปถ่าย</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <source>รายได้รวมของสมาชิก %1 บาท/เดือน (%2 คน)</source>
        <translation>Members&apos; total income %1 baht/month (%2 members)</translation>
    </message>
    <message>
        <source>นับจากรายชื่อสมาชิก: พิการ %1 คน · อายุเกิน 60 ปี %2 คน · อายุ 15-65 ปีที่ว่างงาน %3 คน</source>
        <translation>Counted from the members: disabled %1 · over 60 %2 · unemployed aged 15-65 %3</translation>
    </message>
    <message>
        <source>เกณฑ์ %1</source>
        <translation>Rule pack %1</translation>
    </message>
    <message>
        <source>(ชุดตัวอย่างเพื่อทดลองใช้ ไม่ใช่เกณฑ์จริงของ กสศ.)</source>
        <translation>(illustrative, for trying the program; not the EEF&apos;s real criteria)</translation>
    </message>
    <message>
        <source>เฉลี่ย %1 บาท/คน/เดือน</source>
        <translation>average %1 baht/member/month</translation>
    </message>
    <message>
        <source>ยังไม่มีสมาชิก</source>
        <translation>no members yet</translation>
    </message>
    <message>
        <source>และอีก %1 รายการ</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>ยังคิดผลไม่ได้:</source>
        <translation>cannot be scored yet:</translation>
    </message>
    <message>
        <source>เฉลี่ย %1 บาท/คน/เดือน · ผล: %2 (คะแนน %3)</source>
        <translation>average %1 baht/member/month · result: %2 (score %3)</translation>
    </message>
    <message>
        <source>พิกัดต้องเป็นตัวเลของศาแบบทศนิยม เช่น 14.9750 และ 102.1000</source>
        <translation>The position must be decimal degrees, e.g. 14.9750 and 102.1000</translation>
    </message>
    <message>
        <source>กรอกทั้งละติจูดและลองจิจูด</source>
        <translation>Enter both the latitude and the longitude</translation>
    </message>
    <message>
        <source>พิกัดนี้อยู่นอกประเทศไทย (ละติจูด 5.6 ถึง 20.5 ลองจิจูด 97.3 ถึง 105.7) โปรดตรวจว่าไม่ได้สลับละติจูดกับลองจิจูด</source>
        <translation>This position is outside Thailand (latitude 5.6 to 20.5, longitude 97.3 to 105.7). Check that the latitude and longitude are not swapped.</translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ โปรดแก้รายการที่ทำเครื่องหมายสีแดง</source>
        <translation>Not saved yet: correct the items marked in red</translation>
    </message>
    <message>
        <source>บันทึกแบบคัดกรองแล้ว</source>
        <translation>Screening saved</translation>
    </message>
    <message>
        <source>บันทึกแล้ว การรับรองเดิมถูกยกเลิกเพราะข้อมูลเปลี่ยน ต้องส่งให้รับรองใหม่</source>
        <translation>Saved. The earlier certification was voided because the data changed; submit it for certification again.</translation>
    </message>
    <message>
        <source>เลือกรูปถ่าย</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>รูปภาพ (*.jpg *.jpeg *.png *.heic *.webp);;ทุกไฟล์ (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)</translation>
    </message>
    <message>
        <source>กำลังย่อรูปและลบข้อมูลแฝงในรูป…</source>
        <translation>Shrinking the photo and removing its hidden data…</translation>
    </message>
    <message>
        <source>แนบรูปแล้ว</source>
        <translation>Photo attached</translation>
    </message>
    <message>
        <source>ใส่พิกัดบ้านจากรูปให้แล้ว</source>
        <translation>The house&apos;s position was filled from the photo</translation>
    </message>
    <message>
        <source>การรับรองเดิมถูกยกเลิกเพราะรูปเปลี่ยน ต้องส่งให้รับรองใหม่</source>
        <translation>The certification was voided because a photo changed: hand it in for certification again</translation>
    </message>
    <message>
        <source>เปิดไฟล์รูปไม่ได้: %1</source>
        <translation>Cannot open the photo file: %1</translation>
    </message>
    <message>
        <source>แบบคัดกรอง</source>
        <translation>Screening form</translation>
    </message>
    <message>
        <source>แบบคัดกรอง-%1</source>
        <translation>Screening form-%1</translation>
    </message>
    <message>
        <source>ยังส่งไม่ได้ โปรดกรอกรายการที่ทำเครื่องหมายสีแดงให้ครบ</source>
        <translation>Not submitted yet: complete the items marked in red</translation>
    </message>
    <message>
        <source>ส่งแบบคัดกรองให้ผู้รับรองแล้ว</source>
        <translation>Screening submitted for certification</translation>
    </message>
    <message>
        <source>รับรองข้อมูลการคัดกรองแล้ว</source>
        <translation>Screening certified</translation>
    </message>
    <message>
        <source>ส่งแบบคัดกรองกลับให้ครูแก้ไขแล้ว</source>
        <translation>Screening returned to the teacher for correction</translation>
    </message>
</context>
<context>
    <name>ScreeningLayout</name>
    <message>
        <source>1. สมาชิกในครัวเรือน (รวมตัวเด็ก) และรายได้ต่อเดือน</source>
        <translation>1. Household members (the child included) and monthly income</translation>
    </message>
    <message>
        <source>เพิ่มสมาชิก</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>กด Tab หรือ Enter ที่ช่องสุดท้ายของแถวก็เพิ่มแถวได้</source>
        <translation>Tab or Enter in a row&apos;s last field adds a row too</translation>
    </message>
    <message>
        <source>2. สถานะของครัวเรือน</source>
        <translation>2. Household status</translation>
    </message>
    <message>
        <source>2.1 %1</source>
        <translation>2.1 %1</translation>
    </message>
    <message>
        <source>ไร่</source>
        <translation>rai</translation>
    </message>
    <message>
        <source>เลือก (พิมพ์เลขข้อ)</source>
        <translation>Choose (type the item&apos;s number)</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>3. การเดินทางมาโรงเรียน</source>
        <translation>3. Travel to school</translation>
    </message>
    <message>
        <source>เดินทางโดย</source>
        <translation>By</translation>
    </message>
    <message>
        <source>ระยะทาง</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>กม. ใช้เวลา</source>
        <translation>km, taking</translation>
    </message>
    <message>
        <source>นาที</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>4. พิกัดที่ตั้งบ้าน (ละติจูด ลองจิจูด เป็นองศาทศนิยม)</source>
        <translation>4. The house&apos;s position (latitude, longitude in decimal degrees)</translation>
    </message>
    <message>
        <source>ละติจูด</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>ลองจิจูด</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>5. รูปถ่ายบ้าน (ภายนอก ภายใน) หรือรูปเด็กกับป้ายโรงเรียน</source>
        <translation>5. House photos (outside, inside) or the child at the school sign</translation>
    </message>
    <message>
        <source>เหตุผลที่ถ่ายรูปบ้านไม่ได้</source>
        <translation>Why the house cannot be photographed</translation>
    </message>
    <message>
        <source>6. หมายเหตุ</source>
        <translation>6. Note</translation>
    </message>
    <message>
        <source>บันทึกร่าง</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>บันทึกไว้ก่อน กรอกยังไม่ครบก็ได้ (Ctrl+S)</source>
        <translation>Save for now, even incomplete (Ctrl+S)</translation>
    </message>
    <message>
        <source>ส่งให้รับรอง</source>
        <translation>Submit for certification</translation>
    </message>
    <message>
        <source>รับรองข้อมูล…</source>
        <translation>Certify…</translation>
    </message>
    <message>
        <source>ส่งกลับให้แก้ไข…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>พิมพ์แบบ…</source>
        <translation>Print form…</translation>
    </message>
    <message>
        <source>พิมพ์แบบที่บันทึกแล้วพร้อมช่องลงชื่อครู ผู้ปกครอง และผู้รับรอง</source>
        <translation>Print the saved form with signature lines for the teacher, the guardian and the certifier</translation>
    </message>
</context>
<context>
    <name>ScreeningListPage</name>
    <message>
        <source>ค้นหาสถานศึกษา (Ctrl+F)</source>
        <translation>Find an institution (Ctrl+F)</translation>
    </message>
    <message>
        <source>ค้นหาชื่อเด็ก (Ctrl+F)</source>
        <translation>Find a child&apos;s name (Ctrl+F)</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>แสดงทุกรายการของภาคเรียนนี้</source>
        <translation>Show everything of this term</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์รายการตามที่แสดง (Ctrl+P)</source>
        <translation>Print the list as shown (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งออก Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>ทุกสถานศึกษา</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>ทุกชั้น</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>เลือกภาคเรียนก่อน รายการนี้เป็นของภาคเรียนหนึ่ง</source>
        <translation>Choose a term first: this list is of one term</translation>
    </message>
    <message>
        <source>%1 แบบ · ยากจนพิเศษ %2 · ยากจน %3 · ยังไม่คิดผล %4</source>
        <translation>%1 screenings · extremely poor %2 · poor %3 · not scored %4</translation>
    </message>
    <message>
        <source>%1 แห่ง · นักเรียน %2 · คัดกรองแล้ว %3 · รับรองแล้ว %4 · ยากจน %5 · ยากจนพิเศษ %6 · ได้รับเงินแล้ว %7</source>
        <translation>%1 institutions · pupils %2 · screened %3 · certified %4 · poor %5 · extremely poor %6 · paid %7</translation>
    </message>
    <message>
        <source>ยังไม่ได้คัดกรอง %1 คน</source>
        <translation>%1 not screened yet</translation>
    </message>
    <message>
        <source>ต้องเพิ่มรูปถ่ายหรือพิกัดบ้าน %1 ครัวเรือน</source>
        <translation>%1 households need a photo or the house&apos;s position</translation>
    </message>
    <message>
        <source>รายชื่อเด็กที่คัดกรอง</source>
        <translation>Screened children</translation>
    </message>
    <message>
        <source>เด็กที่ยังไม่ได้คัดกรอง</source>
        <translation>Children not screened yet</translation>
    </message>
    <message>
        <source>ครัวเรือนที่ไม่มีรูปหรือพิกัด</source>
        <translation>Households with no photo or position</translation>
    </message>
    <message>
        <source>สรุปการคัดกรองภาคเรียน</source>
        <translation>Term screening summary</translation>
    </message>
    <message>
        <source>ทุกภาคเรียน</source>
        <translation>Every term</translation>
    </message>
    <message>
        <source>คำค้น &quot;%1&quot;</source>
        <translation>search &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ScreeningsView</name>
    <message>
        <source>แบบคัดกรองความยากจน (นร./กสศ.01)</source>
        <translation>Poverty screenings (form EEF 01)</translation>
    </message>
    <message>
        <source>ภาคเรียน</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ผลคัดกรอง</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>คะแนน</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>สิ่งที่ยังขาด</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>นักเรียน</source>
        <translation>Pupils</translation>
    </message>
    <message>
        <source>คัดกรองแล้ว</source>
        <translation>Screened</translation>
    </message>
    <message>
        <source>รอรับรอง</source>
        <translation>Awaiting certification</translation>
    </message>
    <message>
        <source>รับรองแล้ว</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>ยากจน</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>ยากจนพิเศษ</source>
        <translation>Extremely poor</translation>
    </message>
    <message>
        <source>ได้รับเงินแล้ว</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>แบบคัดกรอง</source>
        <translation>Screenings</translation>
    </message>
    <message>
        <source>ยังไม่ได้คัดกรอง</source>
        <translation>Not screened</translation>
    </message>
    <message>
        <source>ไม่มีรูปหรือพิกัด</source>
        <translation>No photo or position</translation>
    </message>
    <message>
        <source>สรุปภาคเรียน</source>
        <translation>Term summary</translation>
    </message>
    <message>
        <source>คัดกรองเด็กคนใหม่…</source>
        <translation>New screening…</translation>
    </message>
    <message>
        <source>เปิดแบบคัดกรอง</source>
        <translation>Open screening</translation>
    </message>
    <message>
        <source>ชุดเกณฑ์คัดกรอง…</source>
        <translation>Rule packs…</translation>
    </message>
    <message>
        <source>ทุกภาคเรียน</source>
        <translation>Every term</translation>
    </message>
    <message>
        <source>คัดกรองเด็กคนนี้</source>
        <translation>Screen this child</translation>
    </message>
</context>
<context>
    <name>SessionControls</name>
    <message>
        <source>ล็อกหน้าจอ</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>สลับผู้ใช้…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>ผู้ใช้: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>ผู้ใช้นี้ไม่มีสิทธิ์เปิดหน้านี้</source>
        <translation>This user may not open this page</translation>
    </message>
    <message>
        <source>ผู้ใช้</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>เปลี่ยนรหัสผ่านของฉัน…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>เปลี่ยนรหัสผ่านแล้ว</source>
        <translation>Password changed</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>เริ่มใช้งาน Samoe</source>
        <translation>Getting started with Samoe</translation>
    </message>
    <message>
        <source>ยินดีต้อนรับสู่ Samoe

ทดลองใช้ด้วยข้อมูลตัวอย่าง (เด็กสมมุติ %1 คน ในฐานข้อมูลตัวอย่างที่แยกไว้ต่างหาก) หรือเริ่มฐานข้อมูลจริงของหน่วยงาน?

ข้อมูลตัวอย่างไม่ปนกับข้อมูลจริง เริ่มฐานข้อมูลจริงภายหลังได้จากเมนู แฟ้ม › ฐานข้อมูลใหม่…</source>
        <translation>Welcome to Samoe

Try it with demo data (%1 fictional children, in a demo database kept apart) or start the office&apos;s real database?

Demo data never mixes with real data. You can start the real database later with File › New database…</translation>
    </message>
    <message>
        <source>ทดลองด้วยข้อมูลตัวอย่าง</source>
        <translation>Try it with demo data</translation>
    </message>
    <message>
        <source>เริ่มฐานข้อมูลจริง</source>
        <translation>Start the office&apos;s real database</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit Samoe</translation>
    </message>
    <message>
        <source>มีไฟล์ %1 อยู่แล้ว ฐานข้อมูลใหม่ต้องเป็นไฟล์ใหม่ ใช้ชื่ออื่น หรือเปิดไฟล์นั้นจากเมนู แฟ้ม › เปิดฐานข้อมูล…</source>
        <translation>The file %1 already exists. A new database needs a new file: use another name, or open that file with File › Open database…</translation>
    </message>
    <message>
        <source>สร้างฐานข้อมูลใหม่ไม่สำเร็จ ไม่มีไฟล์ใดถูกสร้าง

%1</source>
        <translation>The new database could not be made; no file was created.

%1</translation>
    </message>
    <message>
        <source>ฐานข้อมูลตัวอย่างเป็นไฟล์แยกของตัวเอง และต้องเข้าสู่ระบบเช่นเดียวกับฐานข้อมูลจริง ตั้งชื่อผู้ใช้และรหัสผ่านของผู้ดูแลระบบสำหรับฐานข้อมูลตัวอย่างนี้ (ไม่ใช้รหัสผ่านเดียวกับฐานข้อมูลจริง เพราะไฟล์ตัวอย่างมักถูกคัดลอกไปให้ผู้อื่นดู)</source>
        <translation>The demo database is a file of its own and needs a login like a real one. Choose the administrator&apos;s user name and password for this demo database (not the real database&apos;s password: demo files are often copied to show others).</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ยังไม่มีผู้ใช้ (สร้างด้วย Samoe รุ่นก่อนที่จะมีการเข้าสู่ระบบ) ตั้งผู้ดูแลระบบคนแรกและรหัสผ่านก่อนเปิดข้อมูล ผู้ดูแลระบบคนนี้ทำงานทะเบียนได้ด้วย</source>
        <translation>This database has no users yet (it was made by a Samoe from before logins). Set up the first administrator and a password before its data is opened. This administrator can also work on the registry.</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ยังไม่มีผู้ใช้ และอยู่ในที่ที่เขียนไม่ได้ (แผ่นซีดี แฟลชไดรฟ์ที่ล็อกไว้ หรือโฟลเดอร์ที่ไม่มีสิทธิ์เขียน) จึงตั้งผู้ดูแลระบบไม่ได้และเปิดข้อมูลไม่ได้

คัดลอกไฟล์ไปไว้ในเครื่องแล้วเปิดจากเมนู แฟ้ม › เปิดฐานข้อมูล…</source>
        <translation>This database has no users yet and is where nothing can be written (a CD, a locked USB stick, or a folder without write permission), so no administrator can be set up and its data cannot be opened.

Copy the file to this computer and open it with File › Open database…</translation>
    </message>
</context>
<context>
    <name>TraceTab</name>
    <message>
        <source>บันทึกการติดตามตัว…</source>
        <translation>Record a tracing visit…</translation>
    </message>
    <message>
        <source>ติดตามตัวแล้ว %1 ครั้ง</source>
        <translation>%1 tracing visits</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ผู้ไปติดตาม</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>ผู้ที่พบ</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>พิกัด</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>รูป</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>TraceVisitDialog</name>
    <message>
        <source>บันทึกการติดตามตัว</source>
        <translation>Record a tracing visit</translation>
    </message>
    <message>
        <source>วันที่ไปติดตาม</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <source>ชื่อผู้ที่ไปติดตาม</source>
        <translation>Who went</translation>
    </message>
    <message>
        <source>ผู้ไปติดตาม</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>เช่น ตัวเด็ก มารดา ผู้ใหญ่บ้าน</source>
        <translation>e.g. the child, the mother, the village head</translation>
    </message>
    <message>
        <source>ผู้ที่พบ</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>ผลการติดตาม</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>เปลี่ยนสถานะของกรณีเป็นผลนี้ด้วย</source>
        <translation>Also move the case to this result</translation>
    </message>
    <message>
        <source>ย้ายไปที่ใด หรือเรียนอยู่ที่ใด</source>
        <translation>Where the child moved to, or studies</translation>
    </message>
    <message>
        <source>สถานที่</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>เหตุที่ไม่ประสงค์รับความช่วยเหลือ</source>
        <translation>Why help was declined</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>ละติจูด เช่น 14.97053</source>
        <translation>Latitude, e.g. 14.97053</translation>
    </message>
    <message>
        <source>ลองจิจูด เช่น 102.10021</source>
        <translation>Longitude, e.g. 102.10021</translation>
    </message>
    <message>
        <source>พิกัด</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>เพิ่มรูป…</source>
        <translation>Add a photo…</translation>
    </message>
    <message>
        <source>รูปถ่าย</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>%1 รูป (ไม่เกิน 5 รูป)</source>
        <translation>%1 photos (at most 5)</translation>
    </message>
    <message>
        <source>เลือกรูปถ่าย</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>รูปภาพ (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>พิกัดต้องเป็นตัวเลของศา เช่น 14.97053 และ 102.10021 (หรือเว้นว่างทั้งคู่)</source>
        <translation>The position is in degrees, e.g. 14.97053 and 102.10021 (or leave both blank)</translation>
    </message>
    <message>
        <source>บันทึกการติดตามตัวแล้ว</source>
        <translation>Tracing visit recorded</translation>
    </message>
    <message>
        <source>ยกเลิกการบันทึกการติดตามตัว</source>
        <translation>Discard the tracing visit</translation>
    </message>
    <message>
        <source>การติดตามตัวที่กรอกไว้ยังไม่ได้บันทึก ต้องการทิ้งข้อมูลนี้หรือไม่?</source>
        <translation>The tracing visit you filled in is not saved yet. Discard it?</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>ผู้ใช้</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>ผู้ใช้แต่ละคนเข้าสู่ระบบด้วยชื่อและรหัสผ่านของตัวเอง และทำได้เฉพาะสิ่งที่บทบาทอนุญาต ผู้ใช้ไม่ถูกลบ (บันทึกการใช้งานอ้างถึง) ให้ระงับแทน</source>
        <translation>Each user logs in with their own name and password and can do only what their roles allow. Users are never deleted (the audit log names them): suspend them instead.</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>State</translation>
    </message>
    <message>
        <source>เข้าระบบล่าสุด</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>เพิ่มผู้ใช้…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <source>บทบาท…</source>
        <translation>Roles…</translation>
    </message>
    <message>
        <source>ระงับ</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>ปลดล็อก / เปิดใช้</source>
        <translation>Unlock / reinstate</translation>
    </message>
    <message>
        <source>ถูกระงับ</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>ล็อกถึง %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>เพิ่มผู้ใช้แล้ว</source>
        <translation>User added</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่ของ %1 แล้ว</source>
        <translation>New password set for %1</translation>
    </message>
    <message>
        <source>เปลี่ยนบทบาทของ %1 แล้ว</source>
        <translation>Roles of %1 changed</translation>
    </message>
    <message>
        <source>ระงับบัญชี %1 แล้ว: เข้าสู่ระบบไม่ได้จนกว่าจะเปิดใช้</source>
        <translation>Account %1 suspended: no login until it is reinstated</translation>
    </message>
    <message>
        <source>ปลดล็อกและเปิดใช้บัญชี %1 แล้ว</source>
        <translation>Account %1 unlocked and active</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhotoButtons</name>
    <message>
        <source>แนบรูปบ้านภายนอก…</source>
        <translation>Attach the house, outside…</translation>
    </message>
    <message>
        <source>แนบรูปบ้านภายใน…</source>
        <translation>Attach the house, inside…</translation>
    </message>
    <message>
        <source>แนบรูปเด็กกับป้ายโรงเรียน…</source>
        <translation>Attach the child at the school sign…</translation>
    </message>
</context>
<context>
    <name>ChildDevelopmentDialog</name>
    <message>
        <source>%1 - %2 เดือน</source>
        <translation>%1 - %2 months</translation>
    </message>
    <message>
        <source>แรกเกิด - 1 เดือน</source>
        <translation>birth - 1 month</translation>
    </message>
    <message>
        <source>บันทึกน้ำหนัก ส่วนสูง และรอบศีรษะครั้งใหม่ (Ctrl+N)</source>
        <translation>Record a new weight, height and head circumference (Ctrl+N)</translation>
    </message>
    <message>
        <source>ดูตัวอย่างก่อนพิมพ์: กราฟทั้งสามแบบและตารางผลการชั่งวัด (Ctrl+P)</source>
        <translation>Preview before printing: the three charts and the table of measurements (Ctrl+P)</translation>
    </message>
    <message>
        <source>พัฒนาการของเด็ก</source>
        <translation>Child development</translation>
    </message>
    <message>
        <source>น้ำหนักและส่วนสูง</source>
        <translation>Weight and height</translation>
    </message>
    <message>
        <source>กราฟการเจริญเติบโต</source>
        <translation>Growth chart</translation>
    </message>
    <message>
        <source>พัฒนาการ (DSPM)</source>
        <translation>Development (DSPM)</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>อายุ</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>น้ำหนัก (กก.)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>ส่วนสูง (ซม.)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <source>รอบศีรษะ (ซม.)</source>
        <translation>Head (cm)</translation>
    </message>
    <message>
        <source>การแปลผล</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <source>เพิ่มการชั่ง/วัด (Ctrl+N)</source>
        <translation>Add a measurement (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>ลบ…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>พิมพ์กราฟ (Ctrl+P)</source>
        <translation>Print the chart (Ctrl+P)</translation>
    </message>
    <message>
        <source>ยังไม่มีผลการชั่งน้ำหนักวัดส่วนสูง</source>
        <translation>No measurement yet</translation>
    </message>
    <message>
        <source>เส้นเขียว = ค่ามัธยฐาน · เส้นเหลือง = ±1 SD · เส้นแดง = ±2 SD · เส้นดำ = ±3 SD · จุดน้ำเงิน = เด็กคนนี้ (มาตรฐาน WHO 2006)</source>
        <translation>Green line = median · yellow lines = ±1 SD · red lines = ±2 SD · black lines = ±3 SD · blue points = this child (WHO 2006 standards)</translation>
    </message>
    <message>
        <source>ช่วงอายุ</source>
        <translation>Age band</translation>
    </message>
    <message>
        <source>การประเมิน</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>ข้อที่ไม่ผ่าน</source>
        <translation>Items not passed</translation>
    </message>
    <message>
        <source>ประเมินซ้ำภายใน</source>
        <translation>Re-check by</translation>
    </message>
    <message>
        <source>ส่งต่อ</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>ประเมินพัฒนาการ…</source>
        <translation>Record a check…</translation>
    </message>
    <message>
        <source>ประเมินซ้ำ…</source>
        <translation>Re-check…</translation>
    </message>
    <message>
        <source>ส่งต่อ…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <source>ผลจากโรงพยาบาล…</source>
        <translation>Hospital's outcome…</translation>
    </message>
    <message>
        <source>พิมพ์กิจกรรมสำหรับผู้ปกครอง…</source>
        <translation>Print the parent's activity sheet…</translation>
    </message>
    <message>
        <source>พิมพ์หนังสือส่งต่อ…</source>
        <translation>Print the referral letter…</translation>
    </message>
    <message>
        <source>%1 · %2 · เกิด %3 · อายุ %4</source>
        <translation>%1 · %2 · born %3 · age %4</translation>
    </message>
    <message>
        <source>พัฒนาการของเด็ก: %1</source>
        <translation>Child development: %1</translation>
    </message>
    <message>
        <source>ล่าสุด %1: %2</source>
        <translation>Latest %1: %2</translation>
    </message>
    <message>
        <source>ยังไม่มีผลการชั่งน้ำหนักวัดส่วนสูง: กดเพิ่มการชั่ง/วัด</source>
        <translation>No measurement yet: press Add a measurement</translation>
    </message>
    <message>
        <source>ประเมินซ้ำ</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <source>ครั้งแรก</source>
        <translation>First check</translation>
    </message>
    <message>
        <source> (เลยกำหนด)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>%1 เมื่อ %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>รอผล</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>ได้รับผลแล้ว %1</source>
        <translation>outcome received %1</translation>
    </message>
    <message>
        <source>ได้รับผลแล้ว</source>
        <translation>outcome received</translation>
    </message>
    <message>
        <source>%1 เดือน</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>เลยกำหนดประเมินซ้ำ (ภายใน %1): ประเมินซ้ำโดยเร็ว</source>
        <translation>Re-check overdue (due by %1): re-check soon</translation>
    </message>
    <message>
        <source>ต้องประเมินซ้ำภายใน %1 (ข้อ %2)</source>
        <translation>Re-check due by %1 (items %2)</translation>
    </message>
    <message>
        <source>ต้องส่งต่อประเมิน TEDA4I: เลือกผลแล้วกดส่งต่อ</source>
        <translation>Refer for TEDA4I: select the check and press Refer</translation>
    </message>
    <message>
        <source>อายุ (เดือน)</source>
        <translation>Age (months)</translation>
    </message>
    <message>
        <source>ความยาว (ซม.)</source>
        <translation>Length (cm)</translation>
    </message>
    <message>
        <source> (WHO 2006, -3 ถึง +3 SD)</source>
        <translation> (WHO 2006, -3 to +3 SD)</translation>
    </message>
    <message>
        <source>ลบผลการชั่ง/วัดวันที่ %1 (น้ำหนัก %2 กก. ส่วนสูง %3 ซม.) หรือไม่</source>
        <translation>Delete the measurement of %1 (weight %2 kg, height %3 cm)?</translation>
    </message>
    <message>
        <source>ลบผลการชั่ง/วัดแล้ว</source>
        <translation>Measurement deleted</translation>
    </message>
    <message>
        <source>ลบผลการประเมินพัฒนาการวันที่ %1 (%2) หรือไม่</source>
        <translation>Delete the development check of %1 (%2)?</translation>
    </message>
    <message>
        <source>ลบผลการประเมินแล้ว</source>
        <translation>Check deleted</translation>
    </message>
    <message>
        <source>บันทึกการส่งต่อแล้ว</source>
        <translation>Referral recorded</translation>
    </message>
    <message>
        <source>บันทึกผลจากโรงพยาบาลแล้ว</source>
        <translation>Hospital's outcome recorded</translation>
    </message>
    <message>
        <source>กราฟการเจริญเติบโต %1</source>
        <translation>Growth chart %1</translation>
    </message>
    <message>
        <source>กิจกรรมส่งเสริมพัฒนาการ %1</source>
        <translation>Development activities %1</translation>
    </message>
    <message>
        <source>หนังสือส่งต่อ %1</source>
        <translation>Referral letter %1</translation>
    </message>
    <message>
        <source>พัฒนาการ…</source>
        <translation>Development…</translation>
    </message>
    <message>
        <source>น้ำหนัก ส่วนสูง กราฟการเจริญเติบโต และการประเมินพัฒนาการ (DSPM)</source>
        <translation>Weight, height, growth chart and development checks (DSPM)</translation>
    </message>
</context>
<context>
    <name>DspmCheckDialog</name>
    <message>
        <source>อายุ %1 พ้นช่วงอายุของคู่มือ DSPM (ถึง %2 เดือน) แล้ว: ไม่มีข้อประเมินตามคู่มือนี้</source>
        <translation>Age %1 is past the DSPM manual's ages (up to %2 months): the manual has no items for it</translation>
    </message>
    <message>
        <source>อายุ %1: ข้อประเมินของช่วงอายุนี้ยังไม่มีในโปรแกรม ใช้คู่มือ DSPM (เล่มกระดาษ) เฝ้าระวังไปก่อน</source>
        <translation>Age %1: the items of this age band are not in the program yet; use the printed DSPM manual for surveillance meanwhile</translation>
    </message>
    <message>
        <source> · ช่วงอายุถัดไปที่มีในโปรแกรม %1 ตั้งแต่ %2</source>
        <translation> · the next age band in the program: %1, from %2</translation>
    </message>
    <message>
        <source>%1 - %2 เดือน</source>
        <translation>%1 - %2 months</translation>
    </message>
    <message>
        <source>แรกเกิด - 1 เดือน</source>
        <translation>birth - 1 month</translation>
    </message>
    <message>
        <source>%1 เดือน (อายุคัดกรอง)</source>
        <translation>%1 months (screening age)</translation>
    </message>
    <message>
        <source>แก้ไขผลการประเมินพัฒนาการ</source>
        <translation>Correct a development check</translation>
    </message>
    <message>
        <source>ประเมินพัฒนาการซ้ำ</source>
        <translation>Development re-check</translation>
    </message>
    <message>
        <source>ประเมินพัฒนาการ (DSPM)</source>
        <translation>Development check (DSPM)</translation>
    </message>
    <message>
        <source>ว่างไว้ = ชื่อผู้ใช้ที่เข้าระบบ</source>
        <translation>Blank = the signed-in user's name</translation>
    </message>
    <message>
        <source>ส่งต่อทันที (ไม่ต้องส่งเสริมแล้วประเมินซ้ำ)</source>
        <translation>Refer at once (no stimulation and re-check)</translation>
    </message>
    <message>
        <source>ช่วงอายุ</source>
        <translation>Age band</translation>
    </message>
    <message>
        <source>วันที่ประเมิน (พ.ศ.)</source>
        <translation>Date of the check (B.E.)</translation>
    </message>
    <message>
        <source>ผู้ประเมิน</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>ผ หรือ p = ผ่าน · ม หรือ f = ไม่ผ่าน · เว้นวรรค = สลับ · Ctrl+S บันทึก</source>
        <translation>ผ or p = passed · ม or f = not passed · Space = turn over · Ctrl+S saves</translation>
    </message>
    <message>
        <source>บันทึก (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ประเมินแล้ว %1 จาก %2 ข้อ · ไม่ผ่าน %3 ข้อ</source>
        <translation>%1 of %2 items answered · %3 not passed</translation>
    </message>
    <message>
        <source>วันที่ประเมินไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ.</source>
        <translation>The check's date is not valid: type day/month/year (B.E.)</translation>
    </message>
</context>
<context>
    <name>GrowthListPage</name>
    <message>
        <source>เฉพาะที่เลยกำหนด</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>ค้นหาชื่อเด็ก (Ctrl+F)</source>
        <translation>Search a child's name (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดงทุกรายการ</source>
        <translation>Show every row</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์รายการตามที่แสดง (Ctrl+P)</source>
        <translation>Print the list as shown (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งออก Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>ทุกห้อง</source>
        <translation>Every room</translation>
    </message>
    <message>
        <source>%1 คน</source>
        <translation>%1 children</translation>
    </message>
</context>
<context>
    <name>GrowthView</name>
    <message>
        <source>เปิดหน้าพัฒนาการของเด็ก: พิมพ์เลขประจำตัวประชาชนหรือรหัส G แล้วกด Enter</source>
        <translation>Open a child's development page: type the national ID or the G-code and press Enter</translation>
    </message>
    <message>
        <source>น้ำหนักตามเกณฑ์อายุ (z-score)</source>
        <translation>Weight-for-age (z-score)</translation>
    </message>
    <message>
        <source>ส่วนสูงตามเกณฑ์อายุ (z-score)</source>
        <translation>Height-for-age (z-score)</translation>
    </message>
    <message>
        <source>น้ำหนักตามเกณฑ์ส่วนสูง (z-score)</source>
        <translation>Weight-for-height (z-score)</translation>
    </message>
    <message>
        <source>การแปลผล: น้ำหนักตามอายุ / ส่วนสูงตามอายุ / น้ำหนักตามส่วนสูง</source>
        <translation>Reading: weight-for-age / height-for-age / weight-for-height</translation>
    </message>
    <message>
        <source>วันที่วัด</source>
        <translation>Measured (BE)</translation>
    </message>
    <message>
        <source>กก.</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>ซม.</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>การเจริญเติบโตและพัฒนาการ</source>
        <translation>Growth and development</translation>
    </message>
    <message>
        <source>ศูนย์:</source>
        <translation>Centre:</translation>
    </message>
    <message>
        <source>สรุป DSPM ภาคเรียน…</source>
        <translation>Term's DSPM summary…</translation>
    </message>
    <message>
        <source>เลขประจำตัว / รหัส G แล้วกด Enter</source>
        <translation>National ID / G-code, then Enter</translation>
    </message>
    <message>
        <source>ผอม</source>
        <translation>Wasted</translation>
    </message>
    <message>
        <source>เตี้ย</source>
        <translation>Stunted</translation>
    </message>
    <message>
        <source>อ้วน</source>
        <translation>Obese</translation>
    </message>
    <message>
        <source>ยังไม่ได้ชั่ง/วัด</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <source>ถึงกำหนดประเมิน DSPM</source>
        <translation>DSPM checks due</translation>
    </message>
    <message>
        <source>ประเมินซ้ำ</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <source>รอผลส่งต่อ</source>
        <translation>Referrals waiting</translation>
    </message>
    <message>
        <source>เด็กผอมในภาคเรียน</source>
        <translation>Wasted children this term</translation>
    </message>
    <message>
        <source>เด็กเตี้ยในภาคเรียน</source>
        <translation>Stunted children this term</translation>
    </message>
    <message>
        <source>เด็กอ้วนในภาคเรียน</source>
        <translation>Obese children this term</translation>
    </message>
    <message>
        <source>เด็กที่ยังไม่ได้ชั่งน้ำหนักวัดส่วนสูง</source>
        <translation>Children not measured</translation>
    </message>
    <message>
        <source>เด็กที่ถึงกำหนดประเมินพัฒนาการเดือนนี้</source>
        <translation>Children due for a development check this month</translation>
    </message>
    <message>
        <source>เด็กที่ต้องประเมินพัฒนาการซ้ำ</source>
        <translation>Children due for a development re-check</translation>
    </message>
    <message>
        <source>เด็กที่ส่งต่อและรอผล</source>
        <translation>Children referred, waiting for the outcome</translation>
    </message>
    <message>
        <source>ชื่อ-สกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ศูนย์</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>วันที่ชั่ง/วัด</source>
        <translation>Measured on</translation>
    </message>
    <message>
        <source>น้ำหนัก (กก.)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>ส่วนสูง (ซม.)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <source>การแปลผล</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>ช่วงอายุ (เดือน)</source>
        <translation>Age band (months)</translation>
    </message>
    <message>
        <source>อายุครบวันที่</source>
        <translation>Reaches the age on</translation>
    </message>
    <message>
        <source>ประเมินแล้วเมื่อ</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>ประเมินเมื่อ</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>ประเมินซ้ำภายใน</source>
        <translation>Re-check by</translation>
    </message>
    <message>
        <source>เหลือ (วัน)</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>โรงพยาบาล</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>เลขที่หนังสือ</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>ส่งต่อเมื่อ</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>รอผล (วัน)</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <source>ภาคเรียน %1 · เดือน %2</source>
        <translation>Term %1 · month %2</translation>
    </message>
    <message>
        <source>สรุปผลการประเมินพัฒนาการ (DSPM)</source>
        <translation>Development surveillance summary (DSPM)</translation>
    </message>
</context>
<context>
    <name>ItemsGrid</name>
    <message>
        <source>ข้อ</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>ด้าน</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>ทักษะ</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>ยังไม่ได้ประเมิน</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>ผ่าน</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>ไม่ผ่าน</source>
        <translation>Not passed</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <source>แก้ไขผลการชั่งน้ำหนักวัดส่วนสูง</source>
        <translation>Correct a measurement</translation>
    </message>
    <message>
        <source>บันทึกการชั่งน้ำหนักวัดส่วนสูง</source>
        <translation>Record a measurement</translation>
    </message>
    <message>
        <source>เช่น 14.2</source>
        <translation>e.g. 14.2</translation>
    </message>
    <message>
        <source>เช่น 98.5</source>
        <translation>e.g. 98.5</translation>
    </message>
    <message>
        <source>ตามอายุ (ต่ำกว่า 2 ปีนอนวัด)</source>
        <translation>By age (lying under 2 years)</translation>
    </message>
    <message>
        <source>ว่างไว้ = ชื่อผู้ใช้ที่เข้าระบบ</source>
        <translation>Blank = the signed-in user's name</translation>
    </message>
    <message>
        <source>วันที่ชั่ง/วัด (พ.ศ.)</source>
        <translation>Measured on (B.E.)</translation>
    </message>
    <message>
        <source>น้ำหนัก (กก.)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>ความยาว/ส่วนสูง (ซม.)</source>
        <translation>Length/height (cm)</translation>
    </message>
    <message>
        <source>วิธีวัด</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>เส้นรอบศีรษะ (ซม.)</source>
        <translation>Head circumference (cm)</translation>
    </message>
    <message>
        <source>ผู้ชั่ง/วัด</source>
        <translation>Measured by</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>บันทึก (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ.</source>
        <translation>The date is not valid: type day/month/year (B.E.)</translation>
    </message>
    <message>
        <source>น้ำหนัก ส่วนสูง และเส้นรอบศีรษะต้องเป็นตัวเลข เช่น 14.2</source>
        <translation>Weight, height and head circumference must be numbers, e.g. 14.2</translation>
    </message>
    <message>
        <source>พิมพ์น้ำหนักและส่วนสูงแล้วผลการแปลผลจะแสดงที่นี่</source>
        <translation>Type the weight and height: the interpretation shows here</translation>
    </message>
    <message>
        <source>ไม่มีเกณฑ์สำหรับอายุนี้</source>
        <translation>No standard for this age</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>ผลการประเมินจากโรงพยาบาล</source>
        <translation>The hospital's outcome</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>วันที่ได้รับผล (พ.ศ.)</source>
        <translation>Outcome received on (B.E.)</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>บันทึกผลกิจกรรมตามแผน</source>
        <translation>Record an action's outcome</translation>
    </message>
    <message>
        <source>กิจกรรม</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>ผลการดำเนินงาน</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>วันที่เสร็จ (เว้นว่างถ้ายังไม่เสร็จ)</source>
        <translation>Done on (blank if not done yet)</translation>
    </message>
    <message>
        <source>เสร็จเมื่อ</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>บันทึกผลกิจกรรมแล้ว</source>
        <translation>Outcome recorded</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>ส่งต่อประเมินพัฒนาการ (TEDA4I)</source>
        <translation>Refer for a development assessment (TEDA4I)</translation>
    </message>
    <message>
        <source>โรงพยาบาล</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>วันที่ส่งต่อ (พ.ศ.)</source>
        <translation>Referred on (B.E.)</translation>
    </message>
    <message>
        <source>เลขที่หนังสือ</source>
        <translation>Letter no.</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>เลยกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>ถึงกำหนด</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>SmallForm</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ.</source>
        <translation>The date is not valid: type day/month/year (B.E.)</translation>
    </message>
</context>
<context>
    <name>ProvinceTransfersDialog</name>
    <message>
        <source>ไฟล์ส่งต่อกรณีถึง %1</source>
        <translation>Case transfer file for %1</translation>
    </message>
    <message>
        <source>กรณีเด็กนอกระบบที่ อปท. อื่นส่งต่อให้ %1 (%2) ไฟล์ส่งต่อกรณีมีทุกกรณีในรายการนี้ (เขียนซ้ำได้เมื่อไฟล์เดิมหาย อปท. ปลายทางรับแต่ละกรณีครั้งเดียว)</source>
        <translation>Out-of-school cases other local governments transferred to %1 (%2). The transfer file carries every case in this list (write it again if the last one was lost: the receiving office takes each case once)</translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>จาก อปท.</source>
        <translation>From</translation>
    </message>
    <message>
        <source>ส่งต่อเมื่อ</source>
        <translation>Transferred on</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อ</source>
        <translation>Transfer file</translation>
    </message>
    <message>
        <source>เขียนไฟล์ส่งต่อกรณี…</source>
        <translation>Write the case transfer file…</translation>
    </message>
    <message>
        <source>เขียนทุกกรณีในรายการลงไฟล์ที่ลงนามแล้ว ให้ อปท. ปลายทางนำเข้า</source>
        <translation>Write every case in the list into one signed file for the receiving office to import</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ยังไม่ได้เขียนไฟล์</source>
        <translation>Not yet written into a file</translation>
    </message>
    <message>
        <source>เขียนไฟล์แล้วเมื่อ %1 (%2)</source>
        <translation>Written into a file on %1 (%2)</translation>
    </message>
    <message>
        <source>เขียนโดย %1</source>
        <translation>Written by %1</translation>
    </message>
    <message>
        <source>ทั้งหมด %1 กรณี · ยังไม่เคยเขียนลงไฟล์ส่งต่อ %2 กรณี (แถวสีเหลือง)</source>
        <translation>%1 cases · %2 never written into a transfer file (yellow rows)</translation>
    </message>
</context>
<context>
    <name>TransferFileWriter</name>
    <message>
        <source>ในจำนวนนี้ %1 กรณีเคยเขียนลงไฟล์ส่งต่อแล้ว (อปท. ปลายทางรับแต่ละกรณีครั้งเดียว)</source>
        <translation>%1 of them were written into a transfer file before (the receiving office takes each case once)</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ส่งต่อกรณีถึง %1</source>
        <translation>Save the case transfer file for %1</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อกรณี (*.samoe-transfer)</source>
        <translation>Case transfer files (*.samoe-transfer)</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อกรณี</source>
        <translation>Case transfer file</translation>
    </message>
    <message>
        <source>รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)</source>
        <translation>The password you sign in with (to open the office's keys)</translation>
    </message>
    <message>
        <source>เขียนไฟล์ส่งต่อกรณีไม่สำเร็จ</source>
        <translation>The case transfer file was not written</translation>
    </message>
    <message>
        <source>เขียนไฟล์ส่งต่อกรณีถึง %1 (%2) %3 กรณี ลงไฟล์ %4 แล้ว ส่งไฟล์นี้ให้ อปท. ปลายทางนำเข้า</source>
        <translation>Wrote the case transfer file for %1 (%2), %3 case(s), to %4. Give this file to the receiving local government to import.</translation>
    </message>
</context>
<context>
    <name>TransferReceiveDialog</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>เพิ่มเด็กเข้าทะเบียนใหม่</source>
        <translation>A new child added to the registry</translation>
    </message>
    <message>
        <source>รับโอนกรณีจากจังหวัด</source>
        <translation>Receive cases from the province</translation>
    </message>
    <message>
        <source>รับโอน</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>กรณี</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>เด็ก (ตามไฟล์)</source>
        <translation>Child (as sent)</translation>
    </message>
    <message>
        <source>จาก อปท.</source>
        <translation>From</translation>
    </message>
    <message>
        <source>พบในทะเบียน</source>
        <translation>Found in the registry</translation>
    </message>
    <message>
        <source>เด็กของกรณีนี้</source>
        <translation>This case&apos;s child</translation>
    </message>
    <message>
        <source>ไม่มีเลขประจำตัว</source>
        <translation>no ID number</translation>
    </message>
    <message>
        <source>— เลือก —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>เด็กใหม่</source>
        <translation>New child</translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชนตรงกัน</source>
        <translation>Same national ID</translation>
    </message>
    <message>
        <source>ไม่พบ</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>รับโอนไว้แล้ว</source>
        <translation>Received before</translation>
    </message>
    <message>
        <source>กรณีเลขที่ %1 (ไม่มีอะไรเปลี่ยน)</source>
        <translation>Case %1 (nothing changes)</translation>
    </message>
    <message>
        <source>รับโอนทุกกรณีในไฟล์นี้ไว้แล้ว ไม่มีอะไรเปลี่ยน</source>
        <translation>Every case in this file was received before: nothing changes</translation>
    </message>
    <message>
        <source>เกิด %1  %2</source>
        <translation>born %1  %2</translation>
    </message>
    <message>
        <source>เลือกเด็กให้กรณีที่ %1 ก่อนรับโอน</source>
        <translation>Choose the child of case %1 before receiving</translation>
    </message>
    <message>
        <source>ไฟล์ส่งต่อกรณีจากจังหวัด %1 กรณี (จาก %2) ยังไม่ได้รับโอน ตรวจเด็กของแต่ละกรณีก่อน เด็กที่พบด้วยชื่อและวันเกิดเท่านั้นอาจเป็นคนละคน เลือกว่าเป็นเด็กคนใดในทะเบียน หรือเป็นเด็กใหม่</source>
        <translation>A case transfer file from the province: %1 case(s) (from %2), not received yet. Check each case&apos;s child first: a child found by name and birth date only may be another child, so choose which registry child it is, or a new child</translation>
    </message>
    <message>
        <source>เด็กของกรณีที่ %1</source>
        <translation>Child of case %1</translation>
    </message>
    <message>
        <source>ชื่อและวันเกิดตรงกัน %1 คน (ไม่มีเลขประจำตัวยืนยัน)</source>
        <translation>Same name and birth date: %1 (no ID number confirms it)</translation>
    </message>
    <message>
        <source>ไม่มีที่อยู่ในทะเบียน</source>
        <translation>no address in the registry</translation>
    </message>
    <message>
        <source>กรณีที่ %1: %2 เกิด %3 %4 จาก %5</source>
        <translation>Case %1: %2 born %3 %4 from %5</translation>
    </message>
    <message>
        <source>  %1. ในทะเบียน: %2 เกิด %3 %4 %5</source>
        <translation>  %1. In the registry: %2 born %3 %4 %5</translation>
    </message>
</context>
<context>
    <name>SheetChoice</name>
    <message>
        <source>แผ่นงาน</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>แถวหัวตาราง</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source> (ซ่อนอยู่)</source>
        <translation> (hidden)</translation>
    </message>
</context>
</TS>
