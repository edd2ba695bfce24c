<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
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
        <source>ครัวเรือนนี้มีสมาชิก %1 คน การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน</source>
        <translation>This household has %1 members. Changing the address changes it for everyone in the household.</translation>
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
        <source>ถ้าเป็นคนละคน กด บันทึก อีกครั้งเพื่อยืนยัน</source>
        <translation>If this is a different person, click Save again to confirm.</translation>
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
        <translation>Date of birth</translation>
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
        <source>เด็ก</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>ผู้ปกครอง</source>
        <translation>Guardian</translation>
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
        <translation>Date of birth</translation>
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
        <source>จำนวนเด็กที่ลงทะเบียนในปีการศึกษา %1</source>
        <translation>Children enrolled in academic year %1</translation>
    </message>
    <message>
        <source>ยังไม่มีปีการศึกษา</source>
        <translation>No academic year yet</translation>
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
        <source>สถานศึกษานี้มีเด็กลงทะเบียนอยู่ %1 คน ข้อมูลการลงทะเบียนยังเก็บไว้</source>
        <translation>%1 children are enrolled at this institution. Their enrolment records will be kept.</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
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
        <source>ลบสถานศึกษาที่เลือก (Delete) กู้คืนได้ภายหลัง</source>
        <translation>Delete the selected institution (Delete). It can be restored later.</translation>
    </message>
    <message>
        <source>กรองตามชื่อ รหัส หรือที่อยู่…</source>
        <translation>Filter by name, code or address…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>เริ่มใช้งาน Samoe</source>
        <translation>Getting started with Samoe</translation>
    </message>
    <message>
        <source>ฐานข้อมูลยังว่างอยู่

ต้องการทดลองใช้ด้วยข้อมูลตัวอย่าง (เด็กสมมุติ %1 คน) หรือเริ่มฐานข้อมูลจริงของหน่วยงาน?</source>
        <translation>The database is empty.

Try Samoe with demo data (%1 fictitious children), or start your office&apos;s real registry?</translation>
    </message>
    <message>
        <source>ใช้ข้อมูลตัวอย่าง</source>
        <translation>Use demo data</translation>
    </message>
    <message>
        <source>เริ่มฐานข้อมูลจริง</source>
        <translation>Start the real registry</translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>ชื่อหน่วยงาน (เช่น เทศบาลตำบลบ้านใหม่):</source>
        <translation>Office name (e.g. Ban Mai Subdistrict Municipality):</translation>
    </message>
    <message>
        <source>รหัสหน่วยงาน</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>รหัส อปท. (ตามกรมส่งเสริมการปกครองท้องถิ่น):</source>
        <translation>Local government code (as given by the Department of Local Administration):</translation>
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
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <source>ช่วยเหลือ</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>เติมข้อมูลตัวอย่าง…</source>
        <translation>Add sample data…</translation>
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
</context>
</TS>
