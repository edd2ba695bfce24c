<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>ChildForm</name>
    <message>
        <source>ข้อมูลเด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คำนำหน้า *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นามสกุล *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ (อังกฤษ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่บังคับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นามสกุล (อังกฤษ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพศ *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันเกิด (พ.ศ.) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วว/ดด/ปปปป เช่น 15/08/2562</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภทเลขประจำตัว *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13 หลัก เช่น 1-1037-02071-83-9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัส G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G ตามด้วยตัวเลข 12 หลัก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เหตุที่ไม่มีเลข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เช่น ยังไม่ได้แจ้งเกิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สัญชาติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความพิการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถ้ามี</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่อยู่ (ครัวเรือน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บ้านเลขที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมู่บ้าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซอย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถนน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล/แขวง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อำเภอ/เขต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัสไปรษณีย์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีการศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มผู้ปกครอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบผู้ปกครองที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildFormDialog</name>
    <message>
        <source>ข้อมูลเด็ก: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มเด็กคนใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความเกี่ยวข้อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คำนำหน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลขประจำตัวประชาชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อาชีพ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือนนี้มีสมาชิก %1 คน การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันเกิดอยู่ในอนาคต โปรดตรวจสอบปี พ.ศ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ โปรดแก้ %1 รายการที่ทำเครื่องหมายสีแดง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถ้าเป็นคนละคน กด บันทึก อีกครั้งเพื่อยืนยัน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenTableModel</name>
    <message>
        <source>เลขประจำตัว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพศ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อายุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชั้น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ห้อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หญิง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ไม่มีเลข)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenView</name>
    <message>
        <source>ทุกสถานศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกปีการศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีการศึกษา %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกชั้น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กู้คืน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่ลบแล้ว %1 คน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พบ %1 คน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กู้คืน %1 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยืนยันการลบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบ %1 ออกจากรายชื่อใช่หรือไม่?
ข้อมูลยังเก็บไว้และกู้คืนได้ (เลิกทำ หรือ แสดงที่ลบแล้ว)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบ %1 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายชื่อเด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มเด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มเด็กคนใหม่ (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิด/แก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดข้อมูลเด็กที่เลือก (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบเด็กที่เลือก (Delete) กู้คืนได้ภายหลัง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาชื่อ นามสกุล เลขประจำตัวประชาชน หรือรหัส G… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรองตามสถานศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรองตามปีการศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรองตามชั้นเรียน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แสดงที่ลบแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แสดงเด็กที่ลบไปแล้ว เพื่อกู้คืน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdsTableModel</name>
    <message>
        <source>บ้านเลขที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมู่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <source>เด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พบ %1 ครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่พบครัวเรือนที่ตรงกับ “%1” ลองค้นด้วยคำอื่น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกครัวเรือนจากรายการเพื่อดูรายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ยังไม่ได้กรอกที่อยู่)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัสประจำบ้าน %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทร %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ดับเบิลคลิกเพื่อเปิดข้อมูลเด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาบ้านเลขที่ หมู่บ้าน ตำบล หรือชื่อเด็ก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์เพื่อค้นหา (Ctrl+F) ผลจะแสดงทันทีที่หยุดพิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สมาชิกในครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความสัมพันธ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันเกิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ดับเบิลคลิกที่ชื่อเด็กเพื่อเปิดข้อมูลเด็ก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ทะเบียน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เด็ก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกข้อมูลเด็กแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลิกทำ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่างแล้ว %1 คน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่างไม่สำเร็จ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังสร้างข้อมูลตัวอย่าง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลถูกต้อง ไม่พบปัญหา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังตรวจฐานข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เกี่ยวกับ Samoe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samoe %1
ระบบทะเบียนเด็กและความเสมอภาคทางการศึกษาสำหรับองค์กรปกครองส่วนท้องถิ่น
ฐานข้อมูล: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samoe — ทะเบียนเด็กและความเสมอภาคทางการศึกษา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เมนู</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แฟ้ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มุมมอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ช่วยเหลือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่าง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตรวจความถูกต้องของฐานข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>เริ่มใช้งาน Samoe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลยังว่างอยู่

ต้องการทดลองใช้ด้วยข้อมูลตัวอย่าง (เด็กสมมุติ %1 คน) หรือเริ่มฐานข้อมูลจริงของหน่วยงาน?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้ข้อมูลตัวอย่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เริ่มฐานข้อมูลจริง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน (เช่น เทศบาลตำบลบ้านใหม่):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัสหน่วยงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัส อปท. (ตามกรมส่งเสริมการปกครองท้องถิ่น):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
